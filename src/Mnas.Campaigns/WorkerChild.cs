namespace Mnas.Campaigns;

/// <summary>One attempt of one child that a worker runs; <see cref="Job"/> says what it does with it (e.g. <c>train</c>, <c>latency</c>).</summary>
public sealed record WorkerChild(string CampaignId, long Sequence, int Attempt, string Job);
