using Mnas.SearchSpace.Recipes;

namespace Mnas.Api.Children;

/// <summary>
/// How an fbnetv3 child trains, as its name carries it: the optimiser (sgd, rmsprop, adamw), learning rate, weight decay,
/// epochs, batch size, label smoothing, dropout, stochastic depth (the drop rate of the last block), mixup's α (0: none) and
/// the decay of the weights' moving average (0: none).
/// </summary>
public sealed record RecipeItem(
    string Optimizer,
    double LearningRate,
    double WeightDecay,
    int Epochs,
    int BatchSize,
    double LabelSmoothing,
    double Dropout,
    double StochasticDepth,
    double MixupAlpha,
    double EmaDecay)
{
    public static RecipeItem From(Recipe r) =>
        new(r.Optimizer, r.LearningRate, r.WeightDecay, r.Epochs, r.BatchSize, r.LabelSmoothing, r.Dropout, r.StochasticDepth, r.MixupAlpha, r.EmaDecay);

    /// <summary>The recipe a child's architecture name carries, or null for a name without one (a child of any strategy but fbnetv3).</summary>
    public static RecipeItem? Of(string architecture)
    {
        if (!architecture.Contains(RecipeChildName.Separator, StringComparison.Ordinal))
        {
            return null;
        }

        try
        {
            return From(RecipeChildName.Parse(architecture).Recipe);
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
