using Mnas.Grains.Contracts;

namespace Mnas.Grains.Workers;

/// <summary>Where a worker's reports go: its campaigns' grains and the directory.</summary>
public interface IWorkerReports
{
    Task AnnounceAsync(WorkerAnnouncement announcement);

    Task LeaveAsync(string workerId);

    Task StartedAsync(ChildStarted message);

    /// <summary>Hands a supernet epoch to its campaign; throws when it cannot now.</summary>
    Task SupernetEpochAsync(SupernetEpochReported message);

    /// <summary>Hands an answer (<see cref="ChildEvaluated"/>, <see cref="LatencyMeasured"/>, <see cref="ChildReleased"/>, <see cref="SupernetTrained"/>, <see cref="LatencyTableMeasured"/>) to its campaign; throws when it cannot now.</summary>
    Task AnswerAsync(object answer);
}
