namespace Mnas.Grains.Contracts;

/// <summary>A campaign asks the directory for a free slot for one attempt of one child, on a worker of a device class (any when null).</summary>
[GenerateSerializer, Immutable]
public sealed record SlotRequest(string CampaignId, long Sequence, int Attempt, string? DeviceClass);
