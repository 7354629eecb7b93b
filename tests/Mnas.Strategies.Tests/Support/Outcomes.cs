using Mnas.Strategies.Rl;

namespace Mnas.Strategies.Tests.Support;

internal static class Outcomes
{
    /// <summary>The outcome of a controller sample, as an engine would deliver it.</summary>
    public static Outcome Of(ControllerSample drawn, long sequence, double reward, bool failed = false) =>
        new(sequence, drawn.Sample, drawn.LogProbability, drawn.PolicyVersion, reward, failed);
}
