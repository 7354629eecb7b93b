using Mnas.SearchSpace.Space;

namespace Mnas.Strategies;

/// <summary>A child a strategy wants evaluated, with the log-probability and version of the policy that sampled it.</summary>
public sealed record Proposal(Sample Sample, double LogProbability, long PolicyVersion);
