using Orleans.Concurrency;

namespace Mnas.Grains.Contracts;

/// <summary>
/// The cluster's workers and their free slots (one grain, key 0). Built from the workers' announcements alone, so a new
/// activation (after its silo died) knows every worker again within an announce interval. It never waits on a campaign.
/// </summary>
public interface IWorkerDirectoryGrain : IGrainWithIntegerKey
{
    Task Announce(WorkerAnnouncement worker);

    /// <summary>A worker leaves (it stopped): it gets no more children.</summary>
    [OneWay]
    Task Leave(string workerId);

    /// <summary>Holds a free slot for the child on the freest live worker of the class, or null (the campaign is told when slots free up).</summary>
    Task<WorkerSlot?> Reserve(SlotRequest request);

    /// <summary>Frees the child's slot; <paramref name="refused"/> when the worker refused it (it gets nothing more until it announces itself again).</summary>
    Task Release(string workerId, string campaignId, long sequence, int attempt, bool refused = false);

    Task<SlotCensus> Census(string? deviceClass);

    /// <summary>Who runs this attempt now (or has finished it and not yet handed its answer over), by the workers' announcements.</summary>
    Task<RunnerLookup> Runner(string campaignId, long sequence, int attempt);

    Task<WorkerRoster> Roster();
}
