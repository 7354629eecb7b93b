namespace Mnas.Grains.Campaigns;

/// <summary>A campaign's supernet failed on its last allowed attempt: the campaign cannot go on, and is marked failed.</summary>
public sealed class SupernetFailedException(string message) : CampaignFailedException(message);
