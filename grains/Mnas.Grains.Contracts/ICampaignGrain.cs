using Orleans.Concurrency;

namespace Mnas.Grains.Contracts;

/// <summary>
/// One campaign's controller (key: the campaign id): owns its strategy, proposes children, assigns them to workers,
/// takes their results and checkpoints to the store. Workers answer it by these calls; none of them waits for training.
/// </summary>
public interface ICampaignGrain : IGrainWithStringKey
{
    /// <summary>Runs the campaign if the store has it running and it does not run yet (from its last checkpoint); returns at once.</summary>
    Task Wake();

    /// <summary>Stops the campaign's run here without changing the store (as if its silo had died); a later wake resumes it.</summary>
    Task Abandon();

    Task<CampaignActivity> Activity();

    [OneWay]
    Task ChildStarted(ChildStarted message);

    Task ChildEvaluated(ChildEvaluated message);

    Task LatencyMeasured(LatencyMeasured message);

    Task ChildReleased(ChildReleased message);

    /// <summary>An epoch of the campaign's supernet is done: its figures and state are recorded before the worker goes on.</summary>
    Task SupernetEpoch(SupernetEpochReported message);

    Task SupernetTrained(SupernetTrained message);

    /// <summary>The operators of the campaign's latency table job are timed (or could not be).</summary>
    Task LatencyTableMeasured(LatencyTableMeasured message);

    /// <summary>The directory has slots free again for a device class this campaign waits on.</summary>
    [OneWay]
    Task SlotsFreed();
}
