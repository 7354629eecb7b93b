using Mnas.Campaigns;

namespace Mnas.Api.Children;

/// <summary>
/// A child as the children list shows it; its metrics are null until it has them. An fbnetv3 child names its training recipe
/// after its architecture (<see cref="Mnas.SearchSpace.Recipes.RecipeChildName"/>), which <see cref="Recipe"/> shows field by field.
/// </summary>
/// <param name="Recipe">The recipe the child's name carries; null for a child of any other strategy.</param>
public sealed record ChildItem(
    long Sequence,
    ChildStatus Status,
    int Attempts,
    string Architecture,
    double? Accuracy,
    double? LatencyMs,
    long? Params,
    long? Macs,
    long? PeakActivationBytes,
    double? TrainSeconds,
    double? Reward,
    string? FailureReason,
    DateTimeOffset UpdatedAt,
    RecipeItem? Recipe)
{
    public static ChildItem From(Child child) => new(
        child.Sequence,
        child.Status,
        child.Attempts,
        child.Architecture,
        child.Metrics?.Accuracy,
        child.Metrics?.LatencyMs,
        child.Metrics?.Params,
        child.Metrics?.Macs,
        child.Metrics?.PeakActivationBytes,
        child.Metrics?.TrainSeconds,
        child.Reward,
        child.FailureReason,
        child.UpdatedAt,
        RecipeItem.Of(child.Architecture));
}
