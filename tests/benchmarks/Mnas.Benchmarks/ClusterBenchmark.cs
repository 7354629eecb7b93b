using System.Diagnostics;
using System.Globalization;
using Mnas.Campaigns;
using Mnas.Grains;
using Mnas.Grains.Coordinator;
using Mnas.Grains.Hosting;
using Mnas.Grains.Tests.RabbitMq;
using Mnas.Grains.Trainer;
using Mnas.SearchSpace.Spec;
using Mnas.Strategies.Rl;

namespace Mnas.Benchmarks;

/// <summary>
/// The runtime as a cluster runs it, with a sleep-only trainer: the coordinator in this process (the RL strategy, the
/// SQLite store) and N separate <c>mnas worker</c> processes of one slot each over the private RabbitMQ node, for each
/// N in turn, with fresh worker processes every time. Each round begins once every worker has reported, and runs
/// enough children for each worker to take several. Scaling efficiency is a round's throughput over N times the
/// one-worker round's; utilisation and gaps are as in <see cref="ClusterRound"/>.
/// </summary>
internal static class ClusterBenchmark
{
    private static readonly TimeSpan WorkersReportWithin = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan RoundLimit = TimeSpan.FromMinutes(10);

    public static async Task<int> Run(IReadOnlyList<int> workerCounts, double childSeconds, int childrenPerWorker)
    {
        var broker = PrivateBroker.Start();
        // The coordinator's code paths run once before anything is measured (this process compiles them on first use).
        await RunRoundAsync(broker, workers: 1, childSeconds, children: 3);
        var rounds = new List<ClusterRound>();
        foreach (var workers in workerCounts)
        {
            var round = await RunRoundAsync(broker, workers, childSeconds, Math.Max(8, childrenPerWorker * workers));
            rounds.Add(round);
            Console.WriteLine(Describe(round, Efficiency(round, rounds[0])));
        }

        var gaps = rounds.SelectMany(r => r.GapsMs).Order().ToArray();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"child_seconds={childSeconds}"));
        foreach (var round in rounds)
        {
            Print($"scaling_efficiency_{round.Workers}", Efficiency(round, rounds[0]), "F4");
        }

        Print("gap_p95_ms", Statistics.Percentile(gaps, 0.95), "F1");
        Print("gap_p50_ms", Statistics.Percentile(gaps, 0.50), "F1");
        Print("worker_utilisation", rounds[^1].Utilisation, "F4");
        return 0;
    }

    private static async Task<ClusterRound> RunRoundAsync(RabbitMqOptions broker, int workers, double childSeconds, int children)
    {
        var data = Directory.CreateTempSubdirectory("mnas-bench-cluster-").FullName;
        // Names of this round's own on the broker: nothing left from an earlier round reaches it.
        var rabbitMq = broker with { NamePrefix = $"mnas-bench-{Guid.NewGuid():N}." };
        var options = new RuntimeOptions
        {
            DataDirectory = Path.Combine(data, "coordinator"), Workers = 0, Transport = RuntimeTransports.RabbitMq, RabbitMq = rabbitMq,
        };
        var queues = new List<string> { options.QueueName(RuntimeServiceCollectionExtensions.CoordinatorQueue) };
        try
        {
            ClusterRound round;
            using var limit = new CancellationTokenSource(RoundLimit);
            await using (var host = await CampaignHost.StartAsync(options, cancellation: limit.Token))
            {
                var timeline = new ChildTimeline();
                using var watching = timeline.WatchOn(host.Bus);
                var launched = Stopwatch.GetTimestamp();
                await using var processes = WorkerProcesses.Start(workers, rabbitMq, data, childSeconds);
                await WaitForWorkersAsync(host, processes, workers);
                var startup = Stopwatch.GetElapsedTime(launched).TotalSeconds;
                queues.AddRange(host.Pool.Snapshot().Select(w => options.QueueName(WorkerIdentity.QueueName(w.Heartbeat.WorkerId))));

                await host.Store.CreateCampaignAsync(new Campaign("bench", "bench", CampaignSpecWriter.ToJson(new CampaignSpec()), "rl", 1,
                    CampaignStatus.Running, DateTimeOffset.UtcNow), limit.Token);
                var strategy = new RlStrategy(new ControllerOptions { MinibatchSize = 20, PolicyLag = workers, Seed = 1 });
                var campaignStart = Stopwatch.GetTimestamp();
                await host.Runner.RunAsync("bench", strategy, new CampaignBudget(children, null), cancellation: limit.Token);
                await processes.StopAsync(TimeSpan.FromSeconds(30));
                round = ClusterRound.From(workers, timeline.CompletedRuns(), campaignStart, startup, timeline.Released);
            }

            await BrokerEntities.DeleteAsync(rabbitMq, queues);
            return round;
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }

    /// <summary>Waits until the coordinator has heard from every worker (starting many processes on a small machine takes a while).</summary>
    private static async Task WaitForWorkersAsync(CampaignHost host, WorkerProcesses processes, int workers)
    {
        var waiting = Stopwatch.StartNew();
        while (host.Pool.LiveSlots < workers)
        {
            processes.ThrowIfAnyExited();
            if (waiting.Elapsed > WorkersReportWithin)
            {
                throw new TimeoutException($"{host.Pool.LiveSlots} of {workers} workers reported within {WorkersReportWithin.TotalMinutes} minutes");
            }

            await Task.Delay(50);
        }
    }

    private static double Efficiency(ClusterRound round, ClusterRound single) => round.Throughput / (round.Workers * single.Throughput);

    private static string Describe(ClusterRound r, double efficiency) => string.Create(CultureInfo.InvariantCulture,
        $"workers={r.Workers} children={r.Children} startup_s={r.StartupSeconds:F1} first_wave_ms={r.FirstWaveMs:F0} window_s={r.WindowSeconds:F1} " +
        $"children_per_s={r.Throughput:F3} scaling_efficiency={efficiency:F4} utilisation={r.Utilisation:F4} " +
        $"gap_p50_ms={Statistics.Percentile(r.GapsMs, 0.5):F1} gap_p95_ms={Statistics.Percentile(r.GapsMs, 0.95):F1} " +
        $"handle_p50_ms={Statistics.Percentile(r.HandleMs, 0.5):F1} handle_p95_ms={Statistics.Percentile(r.HandleMs, 0.95):F1} " +
        $"send_p50_ms={Statistics.Percentile(r.SendMs, 0.5):F1} send_p95_ms={Statistics.Percentile(r.SendMs, 0.95):F1} " +
        $"pickup_p50_ms={Statistics.Percentile(r.PickupMs, 0.5):F1} pickup_p95_ms={Statistics.Percentile(r.PickupMs, 0.95):F1} released={r.Released}");

    private static void Print(string name, double value, string format) =>
        Console.WriteLine($"{name}={value.ToString(format, CultureInfo.InvariantCulture)}");
}
