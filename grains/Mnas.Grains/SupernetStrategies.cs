using Mnas.SearchSpace.Spec;

namespace Mnas.Grains;

/// <summary>
/// The strategies that train a campaign's supernet first: FBNet's and FBNetV2's differentiable ones (<c>spec.dnas</c>)
/// and BN-NAS's single-path one (<c>spec.bnnas</c>), and what of the spec each reads.
/// </summary>
public static class SupernetStrategies
{
    public const string Fbnet = "fbnet";
    public const string Fbnetv2 = "fbnetv2";
    public const string BnNas = "bn-nas";

    public static bool Includes(string? strategy) => strategy is Fbnet or Fbnetv2 or BnNas;

    public static bool SinglePath(string? strategy) => strategy == BnNas;

    /// <summary>The candidate names of every searchable layer.</summary>
    public static IReadOnlyList<string> Candidates(CampaignSpec spec, string? strategy) =>
        SinglePath(strategy) ? spec.Bnnas.Candidates : spec.Dnas.Candidates;

    /// <summary>The epochs the supernet trains.</summary>
    public static int Epochs(CampaignSpec spec, string? strategy) => SinglePath(strategy) ? spec.Bnnas.TrainedEpochs() : spec.Dnas.Epochs;
}
