using Mnas.Campaigns;

namespace Mnas.Store;

/// <summary>A child update or requeue that its lifecycle does not allow (out of Done or Failed, or backwards).</summary>
public sealed class InvalidChildTransitionException(string campaignId, long sequence, ChildStatus from, ChildStatus to, string? detail = null)
    : InvalidOperationException(
        $"child {sequence} of campaign '{campaignId}' cannot go from {from} to {to}" + (detail is null ? "" : $": {detail}"))
{
    public string CampaignId { get; } = campaignId;

    public long Sequence { get; } = sequence;

    public ChildStatus From { get; } = from;

    public ChildStatus To { get; } = to;
}
