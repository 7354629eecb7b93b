using Mnas.Grains.Contracts;

namespace Mnas.Grains.Workers;

/// <summary>A worker's reports as grain calls, made from the worker's own threads (never from a grain's turn).</summary>
public sealed class GrainWorkerReports(IGrainFactory grains) : IWorkerReports
{
    private IWorkerDirectoryGrain Directory => grains.GetGrain<IWorkerDirectoryGrain>(0);

    public Task AnnounceAsync(WorkerAnnouncement announcement) => Directory.Announce(announcement);

    public Task LeaveAsync(string workerId) => Directory.Leave(workerId);

    public Task StartedAsync(ChildStarted message) => grains.GetGrain<ICampaignGrain>(message.CampaignId).ChildStarted(message);

    public Task SupernetEpochAsync(SupernetEpochReported message) => grains.GetGrain<ICampaignGrain>(message.CampaignId).SupernetEpoch(message);

    public Task AnswerAsync(object answer) => answer switch
    {
        SupernetTrained trained => grains.GetGrain<ICampaignGrain>(trained.CampaignId).SupernetTrained(trained),
        LatencyTableMeasured table => grains.GetGrain<ICampaignGrain>(table.CampaignId).LatencyTableMeasured(table),
        ChildEvaluated evaluated => grains.GetGrain<ICampaignGrain>(evaluated.CampaignId).ChildEvaluated(evaluated),
        LatencyMeasured latency => grains.GetGrain<ICampaignGrain>(latency.CampaignId).LatencyMeasured(latency),
        ChildReleased released => grains.GetGrain<ICampaignGrain>(released.CampaignId).ChildReleased(released),
        _ => throw new ArgumentException($"not an answer: {answer.GetType().Name}", nameof(answer)),
    };
}
