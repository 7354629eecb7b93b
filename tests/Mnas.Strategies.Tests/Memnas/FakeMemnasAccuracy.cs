using Mnas.SearchSpace.Space;
using Mnas.Strategies.Tests.Support;

namespace Mnas.Strategies.Tests.Memnas;

/// <summary>
/// A synthetic proxy accuracy for a MemNAS child, in place of training it: 0.6, plus up to 0.25 for decisions at
/// <see cref="ToyReward"/>'s best choices, plus up to 0.05 of noise fixed by the architecture (the same in every process).
/// </summary>
internal static class FakeMemnasAccuracy
{
    public static double Of(ModelSpace space, Sample sample) => 0.6 + 0.25 * new ToyReward(space).Score(sample) + 0.05 * Noise(sample.Canonical);

    /// <summary>A value in [0, 1) fixed by the text (FNV-1a).</summary>
    public static double Noise(string text)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in text)
        {
            hash = unchecked((hash ^ c) * 1099511628211UL);
        }
        return (hash >> 11) * (1.0 / (1UL << 53));
    }
}
