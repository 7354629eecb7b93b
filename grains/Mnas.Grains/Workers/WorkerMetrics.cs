using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Mnas.Grains.Contracts;
using Mnas.Metrics;

namespace Mnas.Grains.Workers;

/// <summary>
/// The workers' instruments: the slots and busy slots of this process's running workers, and each job a worker
/// finished, by kind (<c>evaluate</c>, <c>train</c>, <c>latency</c>) and outcome (<c>done</c>, <c>failed</c>,
/// <c>released</c>), with how long it took.
/// </summary>
internal static class WorkerMetrics
{
    private static readonly ConcurrentDictionary<WorkerAgent, byte> Running = new();

    private static readonly Counter<long> Jobs = MnasMeter.Instance.CreateCounter<long>("mnas_worker_jobs", description:
        "Jobs this process's workers finished, by job kind and outcome (done, failed, released).");

    // Latency jobs take seconds, trainings minutes.
    private static readonly Histogram<double> JobSeconds = MnasMeter.Instance.CreateHistogram("mnas_worker_job_seconds", "s",
        "How long this process's workers took over a job, by job kind.", tags: null,
        new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.1, 0.5, 1, 5, 10, 30, 60, 120, 300, 600, 1800, 3600] });

    static WorkerMetrics()
    {
        MnasMeter.Instance.CreateObservableGauge("mnas_worker_slots", () => Running.Keys.Sum(w => w.Slots), description:
            "Children this process's running workers can run at once.");
        MnasMeter.Instance.CreateObservableGauge("mnas_worker_busy_slots", () => Running.Keys.Sum(w => w.Busy), description:
            "Slots of this process's workers running a child now.");
    }

    /// <summary>Creates the instruments (the type's initialiser does).</summary>
    public static void Publish()
    {
    }

    public static void Started(WorkerAgent worker) => Running.TryAdd(worker, 0);

    public static void Stopped(WorkerAgent worker) => Running.TryRemove(worker, out _);

    public static void Finished(ChildJob job, string outcome, TimeSpan took)
    {
        var kind = KeyValuePair.Create<string, object?>("job", job.ToString().ToLowerInvariant());
        Jobs.Add(1, kind, KeyValuePair.Create<string, object?>("outcome", outcome));
        JobSeconds.Record(took.TotalSeconds, kind);
    }

    /// <summary>A worker's answer as an outcome: <c>released</c> (handed back), <c>done</c> or <c>failed</c>.</summary>
    public static string OutcomeOf(object answer) => answer switch
    {
        ChildReleased => "released",
        ChildEvaluated { Succeeded: true } or LatencyMeasured { Succeeded: true } or SupernetTrained { Succeeded: true } or LatencyTableMeasured { Succeeded: true } => "done",
        _ => "failed",
    };
}
