namespace Mnas.Store;

/// <summary>A controller checkpoint was saved with a version not above the campaign's latest.</summary>
public sealed class StaleCheckpointException(string campaignId, long latestVersion, long attemptedVersion)
    : InvalidOperationException(
        $"campaign '{campaignId}' already has checkpoint version {latestVersion}; version {attemptedVersion} must be above it")
{
    public string CampaignId { get; } = campaignId;

    public long LatestVersion { get; } = latestVersion;

    public long AttemptedVersion { get; } = attemptedVersion;
}
