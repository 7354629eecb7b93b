namespace Mnas.Api.Workers;

/// <summary>
/// A worker as its last heartbeat recorded it, and whether it is <see cref="Alive"/>: heard from within
/// <see cref="ApiOptions.AliveHeartbeats"/> heartbeat intervals.
/// </summary>
public sealed record WorkerResponse(
    string Id,
    string DeviceClass,
    string Device,
    int Threads,
    int Slots,
    IReadOnlyList<WorkerChildResponse> Running,
    bool Stopping,
    DateTimeOffset FirstSeen,
    DateTimeOffset LastHeartbeat,
    bool Alive);
