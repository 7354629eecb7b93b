namespace Mnas.Grains.Contracts;

/// <summary>
/// One attempt of one child, as a worker runs it, and which job of it. <paramref name="Finished"/>: the worker is done
/// with it and its answer is not taken yet (it holds no slot, but a campaign opened meanwhile adopts it and awaits the answer).
/// </summary>
[GenerateSerializer, Immutable]
public sealed record RunningChild(string CampaignId, long Sequence, int Attempt, ChildJob Job = ChildJob.Evaluate, bool Finished = false);
