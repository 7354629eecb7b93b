namespace Mnas.Grains.Contracts;

/// <summary>A trainer has taken a child and begun training it.</summary>
[GenerateSerializer, Immutable]
public sealed record ChildStarted(string CampaignId, long Sequence, int Attempt, string WorkerId = "");
