using Mnas.SearchSpace.Space;

namespace Mnas.Strategies.Rl;

/// <summary>
/// One architecture drawn by the controller: the sample, the sum over decisions of the log-probability of each chosen
/// token, the sum of each step's entropy (nats), and the policy version that drew it.
/// </summary>
public sealed record ControllerSample(Sample Sample, double LogProbability, double Entropy, long PolicyVersion)
{
    public Proposal ToProposal() => new(Sample, LogProbability, PolicyVersion);
}
