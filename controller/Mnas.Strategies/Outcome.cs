using Mnas.SearchSpace.Space;

namespace Mnas.Strategies;

/// <summary>
/// A finished child as a strategy sees it: its proposal, its reward (already computed by the campaign's reward and
/// failure policy, never NaN), and whether it failed. <see cref="Sample"/> is the child's sample of the spec's space,
/// null for a child drawn from a supernet (whose architecture is <see cref="Architecture"/>).
/// </summary>
public sealed record Outcome(long Sequence, Sample? Sample, double LogProbability, long PolicyVersion, double Reward, bool Failed)
{
    public string Architecture { get; init; } = Sample?.Canonical ?? "";

    /// <summary>The child's measured proxy accuracy (null when it failed or was not measured).</summary>
    public double? Accuracy { get; init; }

    /// <summary>The child's measured latency in ms (null when it failed or was not measured).</summary>
    public double? LatencyMs { get; init; }

    /// <summary>The sample, for strategies that search the spec's space (a child drawn from a supernet has none).</summary>
    public Sample RequireSample() =>
        Sample ?? throw new InvalidOperationException($"child {Sequence} ({Architecture}) is not a sample of the spec's space");
}
