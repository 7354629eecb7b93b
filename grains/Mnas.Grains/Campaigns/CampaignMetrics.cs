using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Mnas.Campaigns;
using Mnas.Metrics;

namespace Mnas.Grains.Campaigns;

/// <summary>
/// The campaigns' instruments: campaigns running on this silo, their jobs on workers, children handed to workers, and
/// the results recorded by outcome (<c>done</c>, <c>failed</c>, <c>retry</c>, <c>ignored</c>).
/// </summary>
internal static class CampaignMetrics
{
    private static readonly ConcurrentDictionary<object, Func<int>> Open = new();

    private static readonly Counter<long> Dispatched = MnasMeter.Instance.CreateCounter<long>("mnas_children_dispatched", description:
        "Jobs of children this process's coordinator sent to workers.");

    private static readonly Counter<long> Results = MnasMeter.Instance.CreateCounter<long>("mnas_results_recorded", description:
        "Workers' answers this process's coordinator recorded, by outcome (done, failed, retry, ignored).");

    static CampaignMetrics()
    {
        MnasMeter.Instance.CreateObservableGauge("mnas_campaigns_running", () => Open.Count, description:
            "Campaigns running on this silo now.");
        MnasMeter.Instance.CreateObservableGauge("mnas_jobs_on_workers", () => Open.Values.Sum(running => running()), description:
            "Jobs this silo's campaigns have on workers now.");
        MnasMeter.Instance.CreateObservableGauge("mnas_workers_alive", () => Volatile.Read(ref workersAlive), description:
            "Workers the directory on this silo lists as alive (0 where it does not live).");
    }

    private static int workersAlive;

    public static void WorkersAlive(int count) => Volatile.Write(ref workersAlive, count);

    /// <summary>Creates the instruments (the type's initialiser does).</summary>
    public static void Publish()
    {
    }

    public static void Opened(object campaign, Func<int> jobsOnWorkers) => Open.TryAdd(campaign, jobsOnWorkers);

    public static void Closed(object campaign) => Open.TryRemove(campaign, out _);

    public static void ChildDispatched() => Dispatched.Add(1);

    public static void ResultRecorded(string outcome) => Results.Add(1, KeyValuePair.Create<string, object?>("outcome", outcome));

    /// <summary>An accepted result as an outcome: the child done, failed, or queued for another attempt.</summary>
    public static string OutcomeOf(ChildStatus status) => status switch
    {
        ChildStatus.Done => "done",
        ChildStatus.Failed => "failed",
        _ => "retry",
    };
}
