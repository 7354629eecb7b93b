namespace Mnas.Grains.Contracts;

/// <summary>One attempt of one child, as a worker runs it, and which job of it.</summary>
[GenerateSerializer, Immutable]
public sealed record RunningChild(string CampaignId, long Sequence, int Attempt, ChildJob Job = ChildJob.Evaluate);
