using System.Diagnostics;

namespace Mnas.Benchmarks;

/// <summary>
/// The figures of one round of the cluster benchmark: N worker processes, one campaign. The steady window runs from the
/// moment every worker has started its first child to the last child's start (after it, idle workers have no child
/// left to take: that is the budget's doing, not the runtime's). Throughput counts the work done in that window, each
/// child by the share of it that falls inside; a gap runs, on one worker, from one child's result reaching the
/// campaign's grain to the worker's report that it started its next child reaching it. A gap's parts: handle (the
/// result recorded and rewarded, the strategy's next proposal recorded, a slot reserved, until the assignment is
/// called), assign (the call answered by the worker) and pickup (the worker's start report reaching the grain).
/// </summary>
internal sealed record ClusterRound(
    int Workers,
    int Children,
    double StartupSeconds,
    double FirstWaveMs,
    double WindowSeconds,
    double Throughput,
    double Utilisation,
    double[] GapsMs,
    double[] HandleMs,
    double[] AssignMs,
    double[] PickupMs,
    int Released)
{
    /// <param name="campaignStart">When the campaign began, once every worker had reported.</param>
    /// <param name="startupSeconds">From launching the worker processes until every one had reported.</param>
    public static ClusterRound From(int workers, IReadOnlyList<ChildRun> runs, long campaignStart, double startupSeconds, int released)
    {
        var byWorker = runs.GroupBy(r => r.WorkerId).Select(g => g.OrderBy(r => r.Started).ToList()).ToList();
        if (byWorker.Count != workers)
        {
            throw new InvalidOperationException($"{workers} workers ran, but {byWorker.Count} of them were given children");
        }

        var windowStart = byWorker.Max(w => w[0].Started);
        var windowEnd = runs.Max(r => r.Started);
        var window = Seconds(windowStart, windowEnd);
        if (window <= 0)
        {
            throw new InvalidOperationException("no steady window: run more children per worker");
        }

        double busy = 0, work = 0;
        foreach (var run in runs)
        {
            var inside = Seconds(Math.Max(run.Started, windowStart), Math.Min(run.Evaluated, windowEnd));
            if (inside > 0)
            {
                busy += inside;
                work += inside / Seconds(run.Started, run.Evaluated);
            }
        }

        var pairs = byWorker.SelectMany(w => w.Zip(w.Skip(1))).ToList();
        return new ClusterRound(workers, runs.Count, startupSeconds, Seconds(campaignStart, windowStart) * 1000, window, work / window,
            busy / (workers * window),
            Sorted(pairs.Select(p => Seconds(p.First.Evaluated, p.Second.Started) * 1000)),
            Sorted(pairs.Select(p => Seconds(p.First.Evaluated, p.Second.Sent) * 1000)),
            Sorted(pairs.Select(p => Seconds(p.Second.Sent, p.Second.Confirmed) * 1000)),
            Sorted(pairs.Select(p => Seconds(p.Second.Confirmed, p.Second.Started) * 1000)),
            released);
    }

    private static double Seconds(long from, long to) => Stopwatch.GetElapsedTime(from, to).TotalSeconds;

    private static double[] Sorted(IEnumerable<double> values) => values.Order().ToArray();
}
