using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Mnas.Campaigns;
using Mnas.Grains;
using Mnas.Grains.Campaigns;
using Mnas.Grains.Hosting;
using Mnas.SearchSpace.Space;
using Mnas.SearchSpace.Spec;
using Mnas.Strategies;
using Mnas.Strategies.Rl;

namespace Mnas.Benchmarks;

/// <summary>
/// The campaign runtime with a sleep-only trainer: the RL strategy over 8 workers and 2-second
/// children. Utilisation counts worker time busy over the window in which the budget still had
/// children to start (the final drain, when no child is left to start, is not the runtime's
/// doing); a gap runs from one child's end to the start of the next child that worker slot takes.
/// </summary>
internal static class OrchestratorBenchmark
{
    public static async Task<int> Run(int workers, double childSeconds, int children)
    {
        var data = Path.Combine(Path.GetTempPath(), $"mnas-bench-{Guid.NewGuid():N}");
        var trainer = new SleepTrainer(TimeSpan.FromSeconds(childSeconds));
        var timeline = new ChildTimeline();
        try
        {
            await using (var host = await CampaignHost.StartAsync(new RuntimeOptions { DataDirectory = data, Workers = workers }, _ => trainer,
                             services: s => s.AddSingleton<IIncomingGrainCallFilter>(timeline).AddSingleton<IOutgoingGrainCallFilter>(timeline)))
            {
                var spec = new CampaignSpec();
                await host.Store.CreateCampaignAsync(new Campaign("bench", "bench", CampaignSpecWriter.ToJson(spec), "rl", 1, CampaignStatus.Running,
                    DateTimeOffset.UtcNow));
                var strategy = new RlStrategy(new ControllerOptions { MinibatchSize = 20, PolicyLag = workers, Seed = 1 });
                await host.Runner.RunAsync("bench", strategy, new CampaignBudget(children, null));
            }
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }

        var runs = trainer.Runs.OrderBy(r => r.Start).ToList();
        var windowStart = runs[0].Start;
        var windowEnd = runs[^1].Start;
        double busy = runs.Sum(r => Math.Max(0, Math.Min(r.End, windowEnd) - Math.Max(r.Start, windowStart)));
        var utilisation = busy / (workers * (double)(windowEnd - windowStart));
        var ends = runs.Select(r => r.End).Order().ToList();
        var laterStarts = runs.Skip(workers).Select(r => r.Start).ToList();
        var gaps = laterStarts.Select((s, i) => Stopwatch.GetElapsedTime(ends[i], s).TotalMilliseconds).Order().ToArray();
        var parts = GapParts(runs, workers, timeline);

        var (sampleMs, updateMs) = ControllerMs();
        Console.WriteLine($"workers={workers}");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"child_seconds={childSeconds}"));
        Console.WriteLine($"children={runs.Count}");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"gap parts p50 / p95 ms: result {P(parts.Result, 0.5):F1} / {P(parts.Result, 0.95):F1}, handle {P(parts.Handle, 0.5):F1} / {P(parts.Handle, 0.95):F1}, " +
            $"assign {P(parts.Assign, 0.5):F1} / {P(parts.Assign, 0.95):F1}, pickup {P(parts.Pickup, 0.5):F1} / {P(parts.Pickup, 0.95):F1}"));
        Print("worker_utilisation", utilisation, "F4");
        Print("gap_p50_ms", Statistics.Percentile(gaps, 0.50), "F2");
        Print("gap_p95_ms", Statistics.Percentile(gaps, 0.95), "F2");
        Print("controller_sample_ms", sampleMs, "F3");
        Print("controller_update_ms", updateMs, "F1");
        return 0;
    }

    /// <summary>
    /// Each gap in parts: the result's call reaching the campaign's grain, the result handled until the next child's
    /// assignment is called (stored, rewarded, the strategy's next proposal, stored, a slot reserved), the assignment
    /// answered, and the trainer starting it. A gap pairs the k-th end with the (k + workers)-th start, as above.
    /// </summary>
    private static (double[] Result, double[] Handle, double[] Assign, double[] Pickup) GapParts(
        IReadOnlyList<(long Sequence, long Start, long End)> runs, int workers, ChildTimeline timeline)
    {
        var ended = runs.OrderBy(r => r.End).ToList();
        var parts = (Result: new List<double>(), Handle: new List<double>(), Assign: new List<double>(), Pickup: new List<double>());
        for (var i = 0; i + workers < runs.Count; i++)
        {
            var (end, next) = (ended[i], runs[i + workers]);
            var (result, assigned) = (timeline.Of(end.Sequence, 1), timeline.Of(next.Sequence, 1));
            parts.Result.Add(Ms(end.End, result.Evaluated));
            parts.Handle.Add(Ms(result.Evaluated, assigned.Sent));
            parts.Assign.Add(Ms(assigned.Sent, assigned.Confirmed));
            parts.Pickup.Add(Ms(assigned.Confirmed, next.Start));
        }
        return ([.. parts.Result.Order()], [.. parts.Handle.Order()], [.. parts.Assign.Order()], [.. parts.Pickup.Order()]);
    }

    private static double Ms(long from, long to) => Stopwatch.GetElapsedTime(from, to).TotalMilliseconds;

    private static double P(double[] sorted, double q) => Statistics.Percentile(sorted, q);

    /// <summary>Medians with the default controller: one proposal, and one PPO update on a minibatch of 20 (of 5).</summary>
    private static (double SampleMs, double UpdateMs) ControllerMs()
    {
        var space = new ModelSpace(new CampaignSpec());
        using var controller = new RlController(space, new ControllerOptions { Seed = 3 });
        var times = new List<double>();
        var sampleTimes = new List<double>();
        long sequence = 0;
        for (var update = 0; update < 6; update++)
        {
            for (var i = 0; i < 20; i++)
            {
                var sampling = Stopwatch.StartNew();
                var p = controller.Propose();
                sampleTimes.Add(sampling.Elapsed.TotalMilliseconds);
                controller.Observe(new Outcome(++sequence, p.Sample, p.LogProbability, p.PolicyVersion, 0.5 + i % 5 / 10.0, false));
            }
            var clock = Stopwatch.StartNew();
            controller.Update();
            if (update > 0)
            {
                times.Add(clock.Elapsed.TotalMilliseconds);
            }
        }
        return (Statistics.Median(sampleTimes.Skip(20).ToList()), Statistics.Median(times));
    }

    private static void Print(string name, double value, string format) =>
        Console.WriteLine($"{name}={value.ToString(format, CultureInfo.InvariantCulture)}");
}
