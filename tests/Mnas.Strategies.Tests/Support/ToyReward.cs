using Mnas.SearchSpace.Space;

namespace Mnas.Strategies.Tests.Support;

/// <summary>
/// A synthetic reward with a known optimum: each decision has one best choice (index (7·position + 3) mod choices, so
/// the best op, kernel, … differ from block to block); the reward is the fraction of decisions at their best choice,
/// in [0, 1], and exactly 1.0 only for the one optimal sample.
/// </summary>
internal sealed class ToyReward(ModelSpace space)
{
    public int[] Best { get; } = space.Decisions.Select((d, i) => (7 * i + 3) % d.Choices.Count).ToArray();

    public double Score(Sample sample)
    {
        var tokens = sample.ToTokens();
        return tokens.Where((t, i) => t == Best[i]).Count() / (double)tokens.Length;
    }

    /// <summary>The mean reward of a uniformly random sample: the mean over decisions of 1/choices.</summary>
    public double RandomMean => space.Decisions.Average(d => 1.0 / d.Choices.Count);
}
