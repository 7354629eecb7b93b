namespace Mnas.Campaigns;

/// <summary>
/// A search campaign: its id, its spec (as the JSON it was submitted with), its seed and status, and its owner: the id of the
/// API key that created it (empty for campaigns created on the command line).
/// </summary>
public sealed record Campaign(string Id, string Name, string SpecJson, string Strategy, long Seed, CampaignStatus Status, DateTimeOffset CreatedAt,
    string Owner = "");
