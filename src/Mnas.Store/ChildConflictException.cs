namespace Mnas.Store;

/// <summary>A child was added with a sequence number the campaign already holds for another architecture.</summary>
public sealed class ChildConflictException(string campaignId, long sequence, string storedArchitecture, string attemptedArchitecture)
    : InvalidOperationException(
        $"campaign '{campaignId}' already has child {sequence} with architecture '{storedArchitecture}'; refusing '{attemptedArchitecture}'")
{
    public string CampaignId { get; } = campaignId;

    public long Sequence { get; } = sequence;

    public string StoredArchitecture { get; } = storedArchitecture;

    public string AttemptedArchitecture { get; } = attemptedArchitecture;
}
