namespace Mnas.Campaigns;

/// <summary>
/// The answer for one attempt of one child, as the coordinator records it. <see cref="Metrics"/> and
/// <see cref="Reward"/> are required for <see cref="ChildResultKind.Done"/>; <see cref="FailureReason"/>
/// for <see cref="ChildResultKind.Failed"/> and <see cref="ChildResultKind.Retry"/> (a failed child may keep
/// the metrics that made it fail, such as a non-finite reward's).
/// </summary>
public sealed record ChildResult(
    string CampaignId,
    long Sequence,
    int Attempt,
    ChildResultKind Kind,
    ChildMetrics? Metrics,
    double? Reward,
    string? FailureReason,
    DateTimeOffset At);
