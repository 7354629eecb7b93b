using Mnas.Campaigns;

namespace Mnas.Api.Children;

/// <summary>One child in full: what the list shows, its tokens and the policy that sampled it, its events and training curve.</summary>
/// <param name="Recipe">The training recipe an fbnetv3 child's name carries; null for a child of any other strategy.</param>
public sealed record ChildDetail(
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
    IReadOnlyList<int> Tokens,
    long PolicyVersion,
    double LogProbability,
    IReadOnlyList<ChildEventItem> Events,
    IReadOnlyList<CurvePoint> Curve,
    RecipeItem? Recipe)
{
    public static ChildDetail From(Child child, IReadOnlyList<ChildEventItem> events, IReadOnlyList<CurvePoint> curve)
    {
        var item = ChildItem.From(child);
        return new ChildDetail(item.Sequence, item.Status, item.Attempts, item.Architecture, item.Accuracy, item.LatencyMs, item.Params, item.Macs,
            item.PeakActivationBytes, item.TrainSeconds, item.Reward, item.FailureReason, item.UpdatedAt, child.Tokens, child.PolicyVersion,
            child.LogProbability, events, curve, item.Recipe);
    }
}
