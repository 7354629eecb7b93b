using System.Diagnostics;
using Mnas.Grains.Contracts;

namespace Mnas.Benchmarks;

/// <summary>
/// Watches the grain calls of the silo that hosts the campaign: when each child is assigned to its worker (the call
/// made, and answered), and when the worker's report that it started and its result begin on the campaign's grain.
/// Every time is taken in this one process, so no clocks need to agree. Added to a silo as both kinds of call filter.
/// </summary>
internal sealed class ChildTimeline : IIncomingGrainCallFilter, IOutgoingGrainCallFilter
{
    private readonly object gate = new();
    private readonly Dictionary<(long Sequence, int Attempt), ChildTimes> children = [];
    private int released;

    /// <summary>Children workers handed back unanswered (none, when the runtime works as it should).</summary>
    public int Released
    {
        get
        {
            lock (gate)
            {
                return released;
            }
        }
    }

    /// <summary>Every attempt seen from its assignment to its result.</summary>
    public IReadOnlyList<ChildRun> CompletedRuns()
    {
        lock (gate)
        {
            return children.Where(c => c.Value is { WorkerId: not null, Confirmed: > 0, Started: > 0, Evaluated: > 0 })
                .Select(c => new ChildRun(c.Key.Sequence, c.Value.WorkerId!, c.Value.Sent, c.Value.Confirmed, c.Value.Started, c.Value.Evaluated))
                .ToList();
        }
    }

    /// <summary>What is known of one attempt so far (zero for what has not happened).</summary>
    public ChildTimes Of(long sequence, int attempt)
    {
        lock (gate)
        {
            return children.TryGetValue((sequence, attempt), out var times) ? times with { } : new ChildTimes();
        }
    }

    /// <summary>The attempts assigned and started whose result has not come (children running now), latest start first.</summary>
    public IReadOnlyList<(long Sequence, int Attempt, string WorkerId)> Running()
    {
        lock (gate)
        {
            return children.Where(c => c.Value is { WorkerId: not null, Started: > 0, Evaluated: 0 })
                .OrderByDescending(c => c.Value.Started)
                .Select(c => (c.Key.Sequence, c.Key.Attempt, c.Value.WorkerId!))
                .ToList();
        }
    }

    public async Task Invoke(IIncomingGrainCallContext context)
    {
        switch (Argument(context))
        {
            case ChildStarted started:
                Record(started.Sequence, started.Attempt, (t, now) => t.Started = now);
                break;
            case ChildEvaluated evaluated:
                Record(evaluated.Sequence, evaluated.Attempt, (t, now) => t.Evaluated = now);
                break;
            case ChildReleased:
                lock (gate)
                {
                    released++;
                }
                break;
        }
        await context.Invoke();
    }

    public async Task Invoke(IOutgoingGrainCallContext context)
    {
        if (Argument(context) is not TrainChild job)
        {
            await context.Invoke();
            return;
        }
        Record(job.Sequence, job.Attempt, (t, now) => (t.WorkerId, t.Sent) = (job.WorkerId, now));
        await context.Invoke();
        if (context.Result is Assignment.Accepted)
        {
            Record(job.Sequence, job.Attempt, (t, now) => t.Confirmed = now);
        }
    }

    private static object? Argument(IGrainCallContext context) => context.Request.GetArgumentCount() == 1 ? context.Request.GetArgument(0) : null;

    private void Record(long sequence, int attempt, Action<ChildTimes, long> set)
    {
        var now = Stopwatch.GetTimestamp();
        lock (gate)
        {
            if (!children.TryGetValue((sequence, attempt), out var times))
            {
                children[(sequence, attempt)] = times = new ChildTimes();
            }

            set(times, now);
        }
    }
}
