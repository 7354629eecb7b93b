namespace Mnas.Grains.Campaigns;

/// <summary>A campaign cannot go on (a one-off job of it failed on its last allowed attempt): it is marked failed, with this message.</summary>
public class CampaignFailedException(string message) : Exception(message);
