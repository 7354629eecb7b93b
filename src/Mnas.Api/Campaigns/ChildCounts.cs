namespace Mnas.Api.Campaigns;

/// <summary>How many of a campaign's children are in each status, and in all.</summary>
public sealed record ChildCounts(long Sampled, long Queued, long Training, long Measured, long Done, long Failed, long Total);
