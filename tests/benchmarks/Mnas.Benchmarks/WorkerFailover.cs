using System.Diagnostics;
using Mnas.Campaigns;
using Mnas.Grains;
using Mnas.SearchSpace.Spec;
using Mnas.Store.Postgres;

namespace Mnas.Benchmarks;

/// <summary>
/// A worker process killed outright (SIGKILL) while it runs a child. The controller silo in this process runs the
/// campaign as a deployment's controllers do (submitted to the store, woken by the keeper); it finds the worker gone —
/// its silo declared dead, or its announcements stopped — and the child runs again, as its next attempt, on another
/// worker. Measured from the kill to that worker's start report reaching the campaign's grain; the time until the child
/// was assigned again is given too (the rest is waiting for a slot to free). The campaign's activation outlives the
/// worker (the cluster's grain directory recovers the entries the dead silo held); should it open again from its last
/// checkpoint all the same, the result says so.
/// </summary>
internal static class WorkerFailover
{
    private const string CampaignId = "worker-failover";
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(5);

    public sealed record Result(double RestartedSeconds, double AssignedSeconds, string KilledWorker, string NextWorker, bool Reopened);

    public static async Task<Result> MeasureAsync(PostgresStoreOptions store, string dataDirectory, int workers, double childSeconds)
    {
        var cluster = BenchCluster.New(store);
        var timeline = new ChildTimeline();
        var controllerData = Path.Combine(dataDirectory, "controller");
        using var limit = new CancellationTokenSource(Limit);
        await using var host = await ControllerSilo.StartAsync(cluster, controllerData, timeline, limit.Token, keepCampaigns: true);
        await using var processes = WorkerProcesses.Start(workers, cluster, dataDirectory, childSeconds);
        await processes.WaitReadyAsync(Limit);
        await ControllerSilo.WaitForSlotsAsync(host, processes, workers, Limit);

        var settings = new CampaignSettings("rl", MaxChildren: workers * 6, Minibatch: 20, Workers: workers);
        await host.Store.CreateCampaignAsync(new Campaign(CampaignId, CampaignId, CampaignSpecWriter.ToJson(new CampaignSpec()), settings.ToJson(), 1,
            CampaignStatus.Running, DateTimeOffset.UtcNow), limit.Token);

        // Once the first wave is done, the child started last is the one whose worker dies.
        IReadOnlyList<(long Sequence, int Attempt, string WorkerId)> running;
        while (timeline.CompletedRuns().Count < workers || (running = timeline.Running()).Count == 0)
        {
            await Task.Delay(10, limit.Token);
        }

        var victim = running[0];
        var killedAt = DateTimeOffset.Now;
        var killed = Stopwatch.GetTimestamp();
        await processes.Of(victim.WorkerId).KillAsync();
        ChildTimes again;
        while ((again = timeline.Of(victim.Sequence, victim.Attempt + 1)).Started == 0)
        {
            await Task.Delay(10, limit.Token);
        }

        var result = new Result(Stopwatch.GetElapsedTime(killed, again.Started).TotalSeconds, Stopwatch.GetElapsedTime(killed, again.Sent).TotalSeconds,
            victim.WorkerId, again.WorkerId!, CampaignLog.LoggedAt(controllerData, CampaignId, "resuming") > killedAt);
        while ((await host.Store.GetCampaignAsync(CampaignId, limit.Token))?.Status == CampaignStatus.Running)
        {
            await Task.Delay(100, limit.Token);
        }

        return result;
    }
}
