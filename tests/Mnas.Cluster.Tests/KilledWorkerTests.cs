using Mnas.Campaigns;
using Mnas.Grains.Contracts;
using Xunit.Abstractions;

namespace Mnas.Cluster.Tests;

/// <summary>
/// A <c>mnas worker</c> process killed outright while it trains a child: the cluster's membership declares its silo
/// dead, the child goes back to the queue (the lost attempt counted) and is trained again on the other worker, the
/// result the dead worker would have sent for its attempt, arriving late, is refused, and the campaign runs on where it
/// ran, never stopped by the worker's death.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class KilledWorkerTests(ITestOutputHelper log) : IAsyncLifetime
{
    private const string CampaignId = "lost";
    private static readonly string[] WorkerSettings = ["worker.trainer=simulated", "worker.simulated_seconds=6", "worker.slots=1"];
    private TestCluster cluster = null!;

    public async Task InitializeAsync() => cluster = await TestCluster.CreateAsync("killed-worker", log);

    public async Task DisposeAsync() => await cluster.DisposeAsync();

    [Fact(Timeout = 180_000)]
    public async Task a_killed_workers_child_is_trained_again_elsewhere_and_its_late_result_is_refused()
    {
        MnasProcess[] processes = [cluster.StartController(), cluster.StartWorker(WorkerSettings), cluster.StartWorker(WorkerSettings)];
        foreach (var process in processes)
        {
            await cluster.ReadyAsync(process);
        }

        await cluster.SubmitAsync(CampaignId, "name: lost\n", "--children", "1", "--strategy", "random");
        string? runner = null;
        await cluster.Until(async () => (runner = await cluster.RunnerAsync(CampaignId, 1, 1)) != null, TimeSpan.FromSeconds(60),
            "no worker runs child 1");
        var victim = processes.Single(p => p.WorkerId == runner);
        var killedAt = DateTimeOffset.UtcNow;
        await victim.KillAsync();
        cluster.Say($"kill -9 {victim.Name} (worker {runner}), which runs child 1");

        await cluster.Until(() => cluster.DeclaredDeadAsync(victim.SiloPort), TimeSpan.FromSeconds(30),
            "the killed worker's silo was not declared dead");
        cluster.Say($"its silo declared dead {(DateTimeOffset.UtcNow - killedAt).TotalSeconds:F1} s after the kill");

        // The attempt is given up and the child queued again as attempt 2 by the campaign, which finds the worker gone. The
        // campaign's activation lives on: the cluster's grain directory recovers the entries the dead silo held.
        CampaignEvent? requeued = null;
        await cluster.Until(async () => (requeued = (await cluster.EventsAsync(CampaignId)).FirstOrDefault(e => e.Kind is "retry" or "resent")) != null,
            TimeSpan.FromSeconds(30), "the killed worker's child did not go back to the queue");
        Assert.Equal($"child 1 attempt 1 failed (worker {runner} lost: it left the cluster while running the child); trying again as attempt 2",
            requeued!.Message);
        cluster.Say($"child 1 back in the queue ({requeued.Kind}) {(requeued.At - killedAt).TotalSeconds:F1} s after the kill");

        // The dead worker's answer for its attempt, as it would arrive had it been sent just before the kill.
        var late = new ChildEvaluated(CampaignId, 1, 1, true, null, 0.99, 1.0, 1, 1, 1, 1.0, WorkerId: runner!);
        await (await cluster.GrainsAsync()).GetGrain<ICampaignGrain>(CampaignId).ChildEvaluated(late);

        await cluster.Until(() => cluster.CompletedAsync(CampaignId), TimeSpan.FromSeconds(60), "the campaign did not complete");
        var child = (await cluster.Store.GetChildAsync(CampaignId, 1))!;
        var events = await cluster.EventsAsync(CampaignId);
        cluster.Say($"child 1 done again {(events.Single(e => e.Kind == "done").At - killedAt).TotalSeconds:F1} s after the kill");
        Assert.Equal((ChildStatus.Done, 2), (child.Status, child.Attempts));
        Assert.NotEqual(0.99, child.Metrics!.Accuracy);
        Assert.Equal(["child 1 attempt 2 done"], events.Where(e => e.Kind is "done" or "failed").Select(e => e.Message[..e.Message.IndexOf(':', StringComparison.Ordinal)]));
        var refused = Assert.Single(events, e => e.Kind == "ignored" && e.Message.StartsWith("result for child 1 attempt 1 ", StringComparison.Ordinal));
        cluster.Say($"the late result: {refused.Message}");
        Assert.True(requeued.At - killedAt < TimeSpan.FromSeconds(30), $"the child went back to the queue {(requeued.At - killedAt).TotalSeconds:F1} s after the kill");
        Assert.True(CampaignHosting.Runs(processes[0], CampaignId) || await cluster.CompletedAsync(CampaignId));
        Assert.Equal(1, CampaignHosting.Openings(processes[0], CampaignId));
        Assert.DoesNotContain(processes[0].LogLines(), l => l.Contains($"campaign {CampaignId}: stopped here", StringComparison.Ordinal));
    }
}
