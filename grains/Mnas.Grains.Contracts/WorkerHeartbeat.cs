namespace Mnas.Grains.Contracts;

/// <summary>
/// A worker's periodic report: who it is, how many children it can run at once, which it is running now (so the
/// coordinator renews their leases), and whether it is stopping. Sent every heartbeat interval and at once when
/// its children change.
/// </summary>
/// <param name="DeviceClass">The class latency is measured for (e.g. <c>cpu</c>, <c>cuda</c>).</param>
/// <param name="Device">The device it runs children on (<c>cuda:0</c>; <c>cpu (processor model)</c>).</param>
public sealed record WorkerHeartbeat(
    string WorkerId,
    string DeviceClass,
    string Device,
    int Threads,
    int Slots,
    IReadOnlyList<RunningChild> Running,
    bool Stopping,
    DateTimeOffset SentAt);
