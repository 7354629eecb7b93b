namespace Mnas.SearchSpace.Spec;

/// <summary>
/// The training recipes an FBNetV3 campaign searches with the architecture: a range or list per dimension, and the
/// optimisers. Learning rate and weight decay are searched on a log scale, the others linearly.
/// </summary>
public sealed record RecipeSpaceSpec
{
    public IReadOnlyList<string> Optimizers { get; init; } = ProxySpec.Optimizers;

    /// <summary>Spans SGD's rates and the adaptive optimisers' (RMSprop and AdamW train well about ten times lower).</summary>
    public RecipeRange LearningRate { get; init; } = RecipeRange.Between(0.001, 0.2);

    public RecipeRange WeightDecay { get; init; } = RecipeRange.Between(1e-6, 1e-3);

    public RecipeRange Epochs { get; init; } = RecipeRange.Between(1, 5);

    public RecipeRange BatchSize { get; init; } = RecipeRange.OneOf(32, 64, 128);

    public RecipeRange LabelSmoothing { get; init; } = RecipeRange.Between(0, 0.2);

    public RecipeRange Dropout { get; init; } = RecipeRange.Between(0, 0.3);

    public RecipeRange StochasticDepth { get; init; } = RecipeRange.Between(0, 0.2);

    public RecipeRange MixupAlpha { get; init; } = RecipeRange.Between(0, 0.4);

    public RecipeRange EmaDecay { get; init; } = RecipeRange.OneOf(0, 0.9, 0.99);

    public bool Equals(RecipeSpaceSpec? other) =>
        other is not null && Sequences.Equal(Optimizers, other.Optimizers) && Equals(LearningRate, other.LearningRate) &&
        Equals(WeightDecay, other.WeightDecay) && Equals(Epochs, other.Epochs) && Equals(BatchSize, other.BatchSize) &&
        Equals(LabelSmoothing, other.LabelSmoothing) && Equals(Dropout, other.Dropout) && Equals(StochasticDepth, other.StochasticDepth) &&
        Equals(MixupAlpha, other.MixupAlpha) && Equals(EmaDecay, other.EmaDecay);

    public override int GetHashCode() => HashCode.Combine(Optimizers?.Count, LearningRate, Epochs, BatchSize);
}
