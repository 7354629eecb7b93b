namespace Mnas.Grains.Contracts;

/// <summary>
/// A worker's report to the directory, sent every announce interval and at once when its children change: who it is, on
/// which silo, its device, how many children it runs at once and which it runs now, and whether it is stopping.
/// </summary>
/// <param name="DeviceClass">The class latency is measured for (<c>cpu</c>, <c>cuda-a100</c>, <c>pixel-1</c>).</param>
/// <param name="Device">The device it runs children on (<c>cuda:0</c>; <c>cpu (processor model)</c>).</param>
/// <param name="Silo">The silo it lives on: the campaigns watch it in the cluster's membership.</param>
[GenerateSerializer, Immutable]
public sealed record WorkerAnnouncement(
    string WorkerId,
    string DeviceClass,
    string Device,
    int Threads,
    int Slots,
    IReadOnlyList<RunningChild> Running,
    bool Stopping,
    SiloAddress Silo,
    DateTimeOffset SentAt);
