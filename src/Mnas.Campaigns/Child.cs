namespace Mnas.Campaigns;

/// <summary>
/// One sampled architecture of a campaign. <see cref="Sequence"/> numbers children in sampling
/// order from 1. <see cref="LogProbability"/> and <see cref="PolicyVersion"/> are those of the
/// policy that sampled it, so a later update can weigh it correctly. <see cref="Reward"/> is set
/// once the child is done (or failed, by the campaign's failure policy).
/// </summary>
public sealed record Child(
    string CampaignId,
    long Sequence,
    string Architecture,
    IReadOnlyList<int> Tokens,
    double LogProbability,
    long PolicyVersion,
    ChildStatus Status,
    int Attempts,
    string? FailureReason,
    ChildMetrics? Metrics,
    double? Reward,
    DateTimeOffset UpdatedAt);
