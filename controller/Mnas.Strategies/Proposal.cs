using Mnas.SearchSpace.Space;

namespace Mnas.Strategies;

/// <summary>
/// A child a strategy wants evaluated: its architecture (the name the campaign records it by), its decisions as tokens,
/// and the log-probability and version of the policy that sampled it; a sample of the spec's block-wise space carries it too.
/// </summary>
public sealed record Proposal(string Architecture, IReadOnlyList<int> Tokens, double LogProbability, long PolicyVersion)
{
    public Proposal(Sample sample, double logProbability, long policyVersion)
        : this(sample.Canonical, sample.ToTokens(), logProbability, policyVersion) => Sample = sample;

    /// <summary>The sample of the spec's space, for strategies that search it; null for a child drawn from a supernet.</summary>
    public Sample? Sample { get; }
}
