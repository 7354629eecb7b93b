using Mnas.SearchSpace.Space;

namespace Mnas.Strategies;

/// <summary>
/// A finished child as a strategy sees it: its proposal, its reward (already computed by the
/// campaign's reward and failure policy, never NaN), and whether it failed.
/// </summary>
public sealed record Outcome(long Sequence, Sample Sample, double LogProbability, long PolicyVersion, double Reward, bool Failed);
