using System.Diagnostics;
using System.Globalization;
using Mnas.Campaigns;
using Mnas.Grains.Campaigns;
using Mnas.SearchSpace.Spec;
using Mnas.Store.Postgres;
using Mnas.Strategies.Rl;

namespace Mnas.Benchmarks;

/// <summary>
/// The runtime as a cluster runs it, with the simulated trainer, on PostgreSQL membership and store (a database of its
/// own for the run). Scaling: the campaign's controller silo in this process (the RL strategy) and N separate
/// <c>mnas worker</c> processes of one slot each, for each N in turn, a cluster of their own every time. Each round
/// begins once every worker has announced itself, and runs enough children for each worker to take several. Scaling
/// efficiency is a round's throughput over N times the one-worker round's; utilisation and gaps are as in
/// <see cref="ClusterRound"/>. Then failover: a worker killed while it runs a child (<see cref="WorkerFailover"/>), and
/// the controller process hosting a campaign killed with another running (<see cref="ControllerFailover"/>).
/// </summary>
internal static class ClusterBenchmark
{
    private static readonly TimeSpan WorkersReadyWithin = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan RoundLimit = TimeSpan.FromMinutes(10);
    private const int FailoverWorkers = 4;

    public static async Task<int> Run(IReadOnlyList<int> workerCounts, double childSeconds, int childrenPerWorker)
    {
        await using var postgres = await PrivatePostgres.CreateDatabaseAsync();
        var data = Directory.CreateTempSubdirectory("mnas-bench-cluster-").FullName;
        try
        {
            // This process's controller code runs once before anything is measured (it is compiled on first use).
            await RunRoundAsync(postgres.Store, data, workers: 1, childSeconds, children: 3);
            var rounds = new List<ClusterRound>();
            foreach (var workers in workerCounts)
            {
                var round = await RunRoundAsync(postgres.Store, data, workers, childSeconds, Math.Max(8, childrenPerWorker * workers));
                rounds.Add(round);
                Console.WriteLine(Describe(round, Efficiency(round, rounds[0])));
            }

            var worker = await WorkerFailover.MeasureAsync(postgres.Store, Path.Combine(data, "worker-failover"), FailoverWorkers, childSeconds);
            var campaignAfter = worker.Reopened ? "the silo's death took the campaign's activation too: it opened again from its checkpoint" : "the campaign ran on";
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"worker failover: {FailoverWorkers} workers, worker {worker.KilledWorker} killed; its child assigned again after {worker.AssignedSeconds:F2} s, " +
                $"started on {worker.NextWorker} after {worker.RestartedSeconds:F2} s; {campaignAfter}"));
            var controller = await ControllerFailover.MeasureAsync(postgres.Store, Path.Combine(data, "controller-failover"), FailoverWorkers, childSeconds);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"controller failover: 2 controllers, {FailoverWorkers} workers; the campaign resumed on the other after {controller.ResumedSeconds:F2} s, " +
                $"proposing after {controller.ProposingSeconds:F2} s"));

            var gaps = rounds.SelectMany(r => r.GapsMs).Order().ToArray();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"child_seconds={childSeconds}"));
            foreach (var round in rounds)
            {
                Print($"scaling_efficiency_{round.Workers}", Efficiency(round, rounds[0]), "F4");
            }

            Print("gap_p95_ms", Statistics.Percentile(gaps, 0.95), "F1");
            Print("gap_p50_ms", Statistics.Percentile(gaps, 0.50), "F1");
            Print("worker_utilisation", rounds[^1].Utilisation, "F4");
            Print("worker_failover_s", worker.RestartedSeconds, "F2");
            Print("controller_failover_s", controller.ProposingSeconds, "F2");
            Directory.Delete(data, recursive: true);
            return 0;
        }
        catch
        {
            Console.Error.WriteLine($"the processes' data directories, with their logs, are kept in {data}");
            throw;
        }
    }

    private static async Task<ClusterRound> RunRoundAsync(PostgresStoreOptions store, string data, int workers, double childSeconds, int children)
    {
        var cluster = BenchCluster.New(store);
        var round = Path.Combine(data, $"round-{Guid.NewGuid():N}");
        var timeline = new ChildTimeline();
        using var limit = new CancellationTokenSource(RoundLimit);
        await using var host = await ControllerSilo.StartAsync(cluster, Path.Combine(round, "controller"), timeline, limit.Token);
        var launched = Stopwatch.GetTimestamp();
        await using var processes = WorkerProcesses.Start(workers, cluster, round, childSeconds);
        await processes.WaitReadyAsync(WorkersReadyWithin);
        await ControllerSilo.WaitForSlotsAsync(host, processes, workers, WorkersReadyWithin);
        var startup = Stopwatch.GetElapsedTime(launched).TotalSeconds;

        var campaign = $"round-{workers}-{cluster.ClusterId}";
        await host.Store.CreateCampaignAsync(new Campaign(campaign, campaign, CampaignSpecWriter.ToJson(new CampaignSpec()), "rl", 1,
            CampaignStatus.Running, DateTimeOffset.UtcNow), limit.Token);
        var strategy = new RlStrategy(new ControllerOptions { MinibatchSize = 20, PolicyLag = workers, Seed = 1 });
        var campaignStart = Stopwatch.GetTimestamp();
        await host.Runner.RunAsync(campaign, strategy, new CampaignBudget(children, null), cancellation: limit.Token);
        return ClusterRound.From(workers, timeline.CompletedRuns(), campaignStart, startup, timeline.Released);
    }

    private static double Efficiency(ClusterRound round, ClusterRound single) => round.Throughput / (round.Workers * single.Throughput);

    private static string Describe(ClusterRound r, double efficiency) => string.Create(CultureInfo.InvariantCulture,
        $"workers={r.Workers} children={r.Children} startup_s={r.StartupSeconds:F1} first_wave_ms={r.FirstWaveMs:F0} window_s={r.WindowSeconds:F1} " +
        $"children_per_s={r.Throughput:F3} scaling_efficiency={efficiency:F4} utilisation={r.Utilisation:F4} " +
        $"gap_p50_ms={Statistics.Percentile(r.GapsMs, 0.5):F1} gap_p95_ms={Statistics.Percentile(r.GapsMs, 0.95):F1} " +
        $"handle_p50_ms={Statistics.Percentile(r.HandleMs, 0.5):F1} handle_p95_ms={Statistics.Percentile(r.HandleMs, 0.95):F1} " +
        $"assign_p50_ms={Statistics.Percentile(r.AssignMs, 0.5):F1} assign_p95_ms={Statistics.Percentile(r.AssignMs, 0.95):F1} " +
        $"pickup_p50_ms={Statistics.Percentile(r.PickupMs, 0.5):F1} pickup_p95_ms={Statistics.Percentile(r.PickupMs, 0.95):F1} released={r.Released}");

    private static void Print(string name, double value, string format) =>
        Console.WriteLine($"{name}={value.ToString(format, CultureInfo.InvariantCulture)}");
}
