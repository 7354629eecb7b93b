using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Mnas.Campaigns;
using Mnas.Metrics;

namespace Mnas.Grains.Campaigns;

/// <summary>
/// The coordinator's instruments: campaigns it runs, leases it holds and workers it hears from (over this process's
/// open dispatchers), children it handed to workers, and the results it recorded by outcome (<c>done</c>,
/// <c>failed</c>, <c>retry</c>, <c>ignored</c>).
/// </summary>
internal static class CoordinatorMetrics
{
    private static readonly ConcurrentDictionary<LeasingChildDispatcher, byte> Open = new();

    private static readonly Counter<long> Dispatched = MnasMeter.Instance.CreateCounter<long>("mnas_children_dispatched", description:
        "Jobs of children this process's coordinator sent to workers.");

    private static readonly Counter<long> Results = MnasMeter.Instance.CreateCounter<long>("mnas_results_recorded", description:
        "Workers' answers this process's coordinator recorded, by outcome (done, failed, retry, ignored).");

    static CoordinatorMetrics()
    {
        MnasMeter.Instance.CreateObservableGauge("mnas_campaigns_running", () => Open.Keys.Sum(d => d.Campaigns), description:
            "Campaigns this process coordinates now.");
        MnasMeter.Instance.CreateObservableGauge("mnas_leases_active", () => Open.Keys.Sum(d => d.Leased), description:
            "Children handed to workers and not answered yet.");
        MnasMeter.Instance.CreateObservableGauge("mnas_workers_alive", () => Open.Keys.Sum(d => d.WorkersAlive), description:
            "Workers this process's coordinator heard from within the lease grace.");
    }

    /// <summary>Creates the instruments (the type's initialiser does).</summary>
    public static void Publish()
    {
    }

    public static void Opened(LeasingChildDispatcher dispatcher) => Open.TryAdd(dispatcher, 0);

    public static void Closed(LeasingChildDispatcher dispatcher) => Open.TryRemove(dispatcher, out _);

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
