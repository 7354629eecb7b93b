namespace Mnas.Benchmarks;

/// <summary>
/// <c>mnas worker</c> processes of one cluster, each with one slot and the simulated trainer, each with a data
/// directory of its own. Disposing stops them with SIGTERM, as an operator would.
/// </summary>
internal sealed class WorkerProcesses : IAsyncDisposable
{
    private readonly List<MnasProcess> workers = [];
    private readonly Dictionary<string, MnasProcess> byWorkerId = new(StringComparer.Ordinal);

    private WorkerProcesses()
    {
    }

    public IReadOnlyCollection<MnasProcess> All => workers;

    public static WorkerProcesses Start(int count, BenchCluster cluster, string dataDirectory, double childSeconds)
    {
        var group = new WorkerProcesses();
        for (var i = 0; i < count; i++)
        {
            group.workers.Add(MnasProcess.Start("worker", cluster.WorkerSettings(Path.Combine(dataDirectory, $"worker-{i + 1}"), childSeconds)));
        }

        return group;
    }

    /// <summary>Waits until every worker has said it is ready, throwing with its output when one exits instead.</summary>
    public async Task WaitReadyAsync(TimeSpan limit)
    {
        foreach (var worker in workers)
        {
            var line = await worker.Ready.WaitAsync(limit);
            // "worker <id>: 1 slot(s), …; ready"
            byWorkerId[line["worker ".Length..line.IndexOf(':', StringComparison.Ordinal)]] = worker;
        }
    }

    public void ThrowIfAnyExited()
    {
        foreach (var worker in workers)
        {
            worker.ThrowIfExited();
        }
    }

    /// <summary>The process of the worker that announced itself as <paramref name="workerId"/>.</summary>
    public MnasProcess Of(string workerId) => byWorkerId[workerId];

    public Task StopAsync() => MnasProcess.StopAsync(workers, TimeSpan.FromSeconds(30));

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        foreach (var worker in workers)
        {
            worker.Dispose();
        }
    }
}
