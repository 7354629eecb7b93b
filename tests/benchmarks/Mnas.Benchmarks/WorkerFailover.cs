using System.Diagnostics;
using Mnas.Campaigns;
using Mnas.Grains.Campaigns;
using Mnas.SearchSpace.Spec;
using Mnas.Store.Postgres;
using Mnas.Strategies.Rl;

namespace Mnas.Benchmarks;

/// <summary>
/// A worker process killed outright (SIGKILL) while it runs a child: the campaign's controller silo (in this process)
/// finds the worker gone — its silo declared dead, or its announcements stopped — and the child runs again, as its next
/// attempt, on another worker. Measured from the kill to that worker's start report reaching the campaign's grain; the
/// time until the child was assigned again is given too (the rest is waiting for a slot to free).
/// </summary>
internal static class WorkerFailover
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(5);

    public sealed record Result(double RestartedSeconds, double AssignedSeconds, string KilledWorker, string NextWorker);

    public static async Task<Result> MeasureAsync(PostgresStoreOptions store, string dataDirectory, int workers, double childSeconds)
    {
        var cluster = BenchCluster.New(store);
        var timeline = new ChildTimeline();
        using var limit = new CancellationTokenSource(Limit);
        await using var host = await ControllerSilo.StartAsync(cluster, Path.Combine(dataDirectory, "controller"), timeline, limit.Token);
        await using var processes = WorkerProcesses.Start(workers, cluster, dataDirectory, childSeconds);
        await processes.WaitReadyAsync(Limit);
        await ControllerSilo.WaitForSlotsAsync(host, processes, workers, Limit);

        const string campaign = "worker-failover";
        await host.Store.CreateCampaignAsync(new Campaign(campaign, campaign, CampaignSpecWriter.ToJson(new CampaignSpec()), "rl", 1,
            CampaignStatus.Running, DateTimeOffset.UtcNow), limit.Token);
        var strategy = new RlStrategy(new ControllerOptions { MinibatchSize = 20, PolicyLag = workers, Seed = 1 });
        var run = host.Runner.RunAsync(campaign, strategy, new CampaignBudget(workers * 6, null), cancellation: limit.Token);

        // Once the first wave is done, the child started last is the one whose worker dies.
        while (timeline.CompletedRuns().Count < workers)
        {
            await Until(run, limit.Token);
        }

        var victim = timeline.Running()[0];
        var killed = Stopwatch.GetTimestamp();
        await processes.Of(victim.WorkerId).KillAsync();
        ChildTimes again;
        while ((again = timeline.Of(victim.Sequence, victim.Attempt + 1)).Started == 0)
        {
            await Until(run, limit.Token);
        }

        await run;
        return new Result(Stopwatch.GetElapsedTime(killed, again.Started).TotalSeconds, Stopwatch.GetElapsedTime(killed, again.Sent).TotalSeconds,
            victim.WorkerId, again.WorkerId!);
    }

    /// <summary>A short wait, throwing when the campaign's run ended or failed meanwhile.</summary>
    private static async Task Until(Task run, CancellationToken cancellation)
    {
        if (run.IsCompleted)
        {
            await run;
            throw new InvalidOperationException("the campaign ended before the failover was seen");
        }

        await Task.Delay(10, cancellation);
    }
}
