namespace Mnas.Campaigns;

/// <summary>A step of a predictor-driven search (FBNetV3) as stored: its number (from 1), stage, and the step as a JSON document.</summary>
public sealed record SearchRoundRecord(string CampaignId, int Round, string Stage, string Json, DateTimeOffset RecordedAt);
