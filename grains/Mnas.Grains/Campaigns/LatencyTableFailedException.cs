namespace Mnas.Grains.Campaigns;

/// <summary>The operators a campaign's latency table lacked could not be timed on its last allowed attempt: the campaign cannot cost its architectures, and is marked failed.</summary>
public sealed class LatencyTableFailedException(string message) : CampaignFailedException(message);
