namespace Mnas.Grains.Contracts;

/// <summary>What the directory knows of a device class (every class when <see cref="DeviceClass"/> is null): its live workers and their slots.</summary>
[GenerateSerializer, Immutable]
public sealed record SlotCensus(string? DeviceClass, int Workers, int Slots);
