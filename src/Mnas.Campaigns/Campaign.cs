namespace Mnas.Campaigns;

/// <summary>A search campaign: its id, its spec (as the JSON it was submitted with), its seed and status.</summary>
public sealed record Campaign(string Id, string Name, string SpecJson, string Strategy, long Seed, CampaignStatus Status, DateTimeOffset CreatedAt);
