namespace Mnas.Campaigns;

/// <summary>Something that happened in a campaign, for its log and for dashboards.</summary>
public sealed record CampaignEvent(string CampaignId, long Id, string Kind, string Message, DateTimeOffset At);
