namespace Mnas.Campaigns;

/// <summary>
/// A worker as its last heartbeat described it: its device, its slots, the children it runs, whether it is
/// stopping, and when it was first and last heard from.
/// </summary>
/// <param name="DeviceClass">The class of device it measures latency on (e.g. <c>cpu</c>, <c>cuda</c>).</param>
/// <param name="Device">The device it runs children on (<c>cuda:0</c>; <c>cpu (processor model)</c>).</param>
public sealed record WorkerStatus(
    string WorkerId,
    string DeviceClass,
    string Device,
    int Threads,
    int Slots,
    IReadOnlyList<WorkerChild> Running,
    bool Stopping,
    DateTimeOffset FirstSeen,
    DateTimeOffset LastHeartbeat);
