using System.Text.Json;
using Mnas.SearchSpace.Contract;
using Mnas.SearchSpace.Spec;

namespace Mnas.Grains;

/// <summary>
/// How a campaign runs, beyond its spec: the strategy, its budget and its controller's minibatch.
/// Stored with the campaign, so that a resumed campaign runs exactly as it started.
/// </summary>
public sealed record CampaignSettings(string Strategy = "rl", int? MaxChildren = 20, double? MaxHours = null, int Minibatch = 20, int Workers = 1)
{
    /// <summary>
    /// rl (MnasNet), random, fbnet (DNAS), fbnetv2 (DMasking: fbnet with channel and resolution search), bn-nas (a
    /// single-path supernet, BN-only trained, searched by its BN indicator), fbnetv3 (architectures and training
    /// recipes searched together with an accuracy predictor) and memnas (grow and trim rounds ranked by a controller, for memory).
    /// </summary>
    public static IReadOnlyList<string> Strategies { get; } = ["rl", "random", "fbnet", "fbnetv2", SupernetStrategies.BnNas, PredictorStrategies.Fbnetv3, PredictorStrategies.Memnas];

    /// <summary>Whether the strategy trains a supernet and takes its children from it.</summary>
    public bool SearchesSupernet => SupernetStrategies.Includes(Strategy);

    /// <summary>
    /// The children budget a campaign gets when its submission names none (and no hours): an fbnetv3 campaign's every
    /// coarse round and final child (<see cref="Fbnetv3Spec.TrainedChildren"/>), a memnas campaign's base and every round's
    /// top k (<see cref="MemnasSpec.TrainedChildren"/>), any other's <paramref name="fallback"/>.
    /// A smaller budget given stops an fbnetv3 campaign early, as it stops the others.
    /// </summary>
    public static int DefaultChildren(string strategy, CampaignSpec spec, int fallback) =>
        strategy switch
        {
            PredictorStrategies.Fbnetv3 => spec.Fbnetv3.TrainedChildren(),
            PredictorStrategies.Memnas => spec.Memnas.TrainedChildren(),
            _ => fallback,
        };

    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    /// <summary>Every problem, by the submission's field: children, hours and minibatch within <see cref="CampaignRanges.Submission"/>.</summary>
    public IEnumerable<string> Validate()
    {
        if (!Strategies.Contains(Strategy))
        {
            yield return $"strategy: must be one of {string.Join(", ", Strategies)} (got '{Strategy}')";
        }
        if (MaxChildren is { } children && CampaignRanges.ForSubmission("children").Problem(children) is { } childrenProblem)
        {
            yield return $"children: {childrenProblem}";
        }
        if (MaxHours is { } hours && CampaignRanges.ForSubmission("hours").Problem(hours) is { } hoursProblem)
        {
            yield return $"hours: {hoursProblem}";
        }
        if (MaxChildren == null && MaxHours == null)
        {
            yield return "children: a campaign needs a budget: a number of children, hours, or both";
        }
        if (CampaignRanges.ForSubmission("minibatch").Problem(Minibatch) is { } minibatchProblem)
        {
            yield return $"minibatch: {minibatchProblem}";
        }
        if (Workers < 1)
        {
            yield return $"workers: must be at least 1 (got {Workers})";
        }
    }

    /// <summary>The problem with a campaign's seed, or null when it is within <see cref="CampaignRanges.Submission"/>.</summary>
    public static string? SeedProblem(long seed) =>
        CampaignRanges.ForSubmission("seed").Problem(seed) is { } problem ? $"seed: {problem}" : null;

    public void ThrowIfInvalid() => Mnas.Workers.SettingsCheck.ThrowIfAny("campaign settings", Validate());

    public Campaigns.CampaignBudget Budget => new(MaxChildren, MaxHours is { } h ? TimeSpan.FromHours(h) : null);

    /// <summary>The strategy a campaign's stored settings name (settings JSON, or a bare strategy name).</summary>
    public static string StrategyOf(string stored) => stored.TrimStart().StartsWith('{') ? FromJson(stored).Strategy : stored;

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static CampaignSettings FromJson(string json) =>
        JsonSerializer.Deserialize<CampaignSettings>(json, Json) ?? throw new InvalidDataException("campaign settings are empty");
}
