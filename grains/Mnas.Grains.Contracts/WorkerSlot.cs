namespace Mnas.Grains.Contracts;

/// <summary>A slot the directory holds for a campaign's child on one worker, until the campaign releases it.</summary>
[GenerateSerializer, Immutable]
public sealed record WorkerSlot(string WorkerId, SiloAddress Silo);
