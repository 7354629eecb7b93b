using Mnas.SearchSpace.Predictor;
using Mnas.SearchSpace.Spec;

namespace Mnas.Strategies.Fbnetv3;

/// <summary>
/// FBNetV3's settings: the campaign's fbnetv3 section (recipe space, predictor, coarse and fine stages, final children),
/// the constraints every pair must meet, and the seed every random step is drawn from. Check them with
/// <see cref="Fbnetv3StrategyOptionsValidator"/>.
/// </summary>
public sealed record Fbnetv3StrategyOptions
{
    public Fbnetv3Spec Spec { get; init; } = new();

    public PairConstraints Constraints { get; init; } = new();

    public ulong Seed { get; init; }

    /// <summary>A campaign's settings: its fbnetv3 section and constraints (<see cref="PairConstraints.Of"/>).</summary>
    public static Fbnetv3StrategyOptions From(CampaignSpec spec, ulong seed)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return new Fbnetv3StrategyOptions { Spec = spec.Fbnetv3, Constraints = PairConstraints.Of(spec), Seed = seed };
    }
}
