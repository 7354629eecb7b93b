namespace Mnas.Api.Workers;

/// <summary>One attempt of one child a worker runs, and what it does with it (<c>train</c>, <c>latency</c>).</summary>
public sealed record WorkerChildResponse(string CampaignId, long Sequence, int Attempt, string Job);
