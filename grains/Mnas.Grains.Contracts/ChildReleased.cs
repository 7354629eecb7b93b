namespace Mnas.Grains.Contracts;

/// <summary>
/// A worker hands a child back without a result — it is stopping, or it had no free slot — so the attempt is not
/// counted and the child goes to another worker.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record ChildReleased(string CampaignId, long Sequence, int Attempt, string WorkerId, string Reason);
