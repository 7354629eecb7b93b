using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Mnas.Campaigns;
using Mnas.Grains;
using Mnas.Grains.Campaigns;
using Mnas.Grains.Hosting;
using Mnas.SearchSpace.Spec;
using Mnas.Strategies.Rl;

namespace Mnas.Benchmarks;

/// <summary>
/// One campaign of the orchestrator benchmark on an embedded silo of its own (its worker with one slot per worker, the
/// SQLite store): the RL strategy with the sleep-only trainer. Utilisation counts worker time busy over the window in
/// which the budget still had children to start (the final drain, when no child is left to start, is not the runtime's
/// doing); a gap runs from one child's end to the start of the next child that worker slot takes: the k-th end pairs
/// with the (k + workers)-th start. A gap's parts: result (the answer's call reaching the campaign's grain), handle (the
/// result stored and rewarded, the strategy's next proposal stored, a slot reserved, until the assignment is called),
/// assign (the worker answering that call) and pickup (the trainer starting the child).
/// </summary>
internal sealed record OrchestratorRound(int Children, double Utilisation, double[] GapsMs, double[] ResultMs, double[] HandleMs, double[] AssignMs,
    double[] PickupMs)
{
    public static async Task<OrchestratorRound> RunAsync(int workers, double childSeconds, int children)
    {
        var data = Directory.CreateTempSubdirectory("mnas-bench-").FullName;
        var trainer = new SleepTrainer(TimeSpan.FromSeconds(childSeconds));
        var timeline = new ChildTimeline();
        try
        {
            await using var host = await CampaignHost.StartAsync(new RuntimeOptions { DataDirectory = data, Workers = workers }, _ => trainer,
                services: s => s.AddSingleton<IIncomingGrainCallFilter>(timeline).AddSingleton<IOutgoingGrainCallFilter>(timeline));
            await host.Store.CreateCampaignAsync(new Campaign("bench", "bench", CampaignSpecWriter.ToJson(new CampaignSpec()), "rl", 1,
                CampaignStatus.Running, DateTimeOffset.UtcNow));
            var strategy = new RlStrategy(new ControllerOptions { MinibatchSize = 20, PolicyLag = workers, Seed = 1 });
            await host.Runner.RunAsync("bench", strategy, new CampaignBudget(children, null));
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }

        return From(workers, [.. trainer.Runs.OrderBy(r => r.Start)], timeline);
    }

    private static OrchestratorRound From(int workers, IReadOnlyList<(long Sequence, long Start, long End)> runs, ChildTimeline timeline)
    {
        var windowStart = runs[0].Start;
        var windowEnd = runs[^1].Start;
        double busy = runs.Sum(r => Math.Max(0, Math.Min(r.End, windowEnd) - Math.Max(r.Start, windowStart)));
        var ended = runs.OrderBy(r => r.End).ToList();
        var (gaps, result, handle, assign, pickup) = (new List<double>(), new List<double>(), new List<double>(), new List<double>(), new List<double>());
        for (var i = 0; i + workers < runs.Count; i++)
        {
            var (end, next) = (ended[i], runs[i + workers]);
            var (answered, assigned) = (timeline.Of(end.Sequence, 1), timeline.Of(next.Sequence, 1));
            gaps.Add(Ms(end.End, next.Start));
            result.Add(Ms(end.End, answered.Evaluated));
            handle.Add(Ms(answered.Evaluated, assigned.Sent));
            assign.Add(Ms(assigned.Sent, assigned.Confirmed));
            pickup.Add(Ms(assigned.Confirmed, next.Start));
        }

        return new OrchestratorRound(runs.Count, busy / (workers * (double)(windowEnd - windowStart)), Sorted(gaps), Sorted(result), Sorted(handle),
            Sorted(assign), Sorted(pickup));
    }

    private static double Ms(long from, long to) => Stopwatch.GetElapsedTime(from, to).TotalMilliseconds;

    private static double[] Sorted(IEnumerable<double> values) => [.. values.Order()];
}
