namespace Mnas.Strategies.Memnas.Ranking;

/// <summary>A ranker's size and training: hidden units of its RNNs, epochs and Adam's learning rate per fit, and the seed of its initial weights.</summary>
public sealed record RankerOptions
{
    public int HiddenUnits { get; init; } = 32;

    public int Epochs { get; init; } = 200;

    public double LearningRate { get; init; } = 0.005;

    public ulong Seed { get; init; } = 1;
}
