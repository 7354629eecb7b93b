namespace Mnas.Grains.Contracts;

/// <summary>One attempt of one child, as a worker runs it.</summary>
public sealed record RunningChild(string CampaignId, long Sequence, int Attempt);
