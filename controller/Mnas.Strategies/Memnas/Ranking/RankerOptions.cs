namespace Mnas.Strategies.Memnas.Ranking;

/// <summary>
/// A ranker's size and training: hidden units of its RNNs, epochs and Adam's learning rate per fit, and the seed of its
/// initial weights. Check them with <see cref="RankerOptionsValidator"/>.
/// </summary>
public sealed record RankerOptions
{
    /// <summary>Units of the encoder's and the ranking RNN's hidden state; the absolute predictor's layers are sized from it to match.</summary>
    public int HiddenUnits { get; init; } = 32;

    /// <summary>Adam steps per <see cref="ICandidateRanker.Fit"/>, each one pass over all the rounds given.</summary>
    public int Epochs { get; init; } = 200;

    public double LearningRate { get; init; } = 0.005;

    /// <summary>Seeds the initial weights; the same seed, space and hidden units give the same ranker.</summary>
    public ulong Seed { get; init; } = 1;
}
