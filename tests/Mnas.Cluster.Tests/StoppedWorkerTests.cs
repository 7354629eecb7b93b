using Mnas.Campaigns;
using Xunit.Abstractions;

namespace Mnas.Cluster.Tests;

/// <summary>
/// A <c>mnas worker</c> process stopped with SIGTERM while it trains a child hands the child back at once and exits
/// cleanly; the child is trained on the other worker in the same attempt: the stop costs no attempt.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class StoppedWorkerTests(ITestOutputHelper log) : IAsyncLifetime
{
    private const string CampaignId = "stopped";
    private static readonly string[] WorkerSettings = ["worker.trainer=simulated", "worker.simulated_seconds=6", "worker.slots=1"];
    private TestCluster cluster = null!;

    public async Task InitializeAsync() => cluster = await TestCluster.CreateAsync("stopped-worker", log);

    public async Task DisposeAsync() => await cluster.DisposeAsync();

    [Fact(Timeout = 180_000)]
    public async Task a_worker_stopped_gracefully_hands_its_child_back_without_spending_an_attempt()
    {
        MnasProcess[] processes = [cluster.StartController(), cluster.StartWorker(WorkerSettings), cluster.StartWorker(WorkerSettings)];
        foreach (var process in processes)
        {
            await cluster.ReadyAsync(process);
        }

        await cluster.SubmitAsync(CampaignId, "name: stopped\n", "--children", "1", "--strategy", "random");
        string? runner = null;
        await cluster.Until(async () => (runner = await cluster.RunnerAsync(CampaignId, 1, 1)) != null, TimeSpan.FromSeconds(60),
            "no worker runs child 1");
        var stopped = processes.Single(p => p.WorkerId == runner);
        var stoppedAt = DateTimeOffset.UtcNow;
        stopped.Terminate();
        cluster.Say($"SIGTERM {stopped.Name} (worker {runner}), which runs child 1");

        Assert.Equal(0, await stopped.WaitAsync(TimeSpan.FromSeconds(60)));
        Assert.Contains($"worker {runner}: stopping, handing running children back", stopped.Output);
        await cluster.Until(() => cluster.CompletedAsync(CampaignId), TimeSpan.FromSeconds(60), "the campaign did not complete");

        var events = await cluster.EventsAsync(CampaignId);
        var released = Assert.Single(events, e => e.Kind == "released");
        Assert.StartsWith($"child 1 attempt 1 handed back by worker {runner} ", released.Message);
        cluster.Say($"child 1 handed back {(released.At - stoppedAt).TotalSeconds:F1} s after the signal");
        Assert.True(released.At - stoppedAt < TimeSpan.FromSeconds(10), $"handed back {(released.At - stoppedAt).TotalSeconds:F1} s after the signal");
        Assert.DoesNotContain(events, e => e.Kind is "retry" or "failed" or "ignored");
        Assert.Equal(["child 1 attempt 1 done"], events.Where(e => e.Kind == "done").Select(e => e.Message[..e.Message.IndexOf(':', StringComparison.Ordinal)]));
        var child = (await cluster.Store.GetChildAsync(CampaignId, 1))!;
        Assert.Equal((ChildStatus.Done, 1), (child.Status, child.Attempts));
    }
}
