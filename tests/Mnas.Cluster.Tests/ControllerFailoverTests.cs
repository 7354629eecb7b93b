using Mnas.Campaigns;
using Xunit.Abstractions;

namespace Mnas.Cluster.Tests;

/// <summary>
/// Two <c>mnas controller</c> processes and two <c>mnas worker</c> processes run an RL campaign. Killing outright the
/// controller that runs it, the other resumes it from its last checkpoint and proposes again within seconds; the
/// campaign completes with every child once, and its controller ends as an uninterrupted run would.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class ControllerFailoverTests(ITestOutputHelper log) : IAsyncLifetime
{
    private const string CampaignId = "failover";
    private const int Children = 16;
    private static readonly string[] WorkerSettings = ["worker.trainer=simulated", "worker.simulated_seconds=1", "worker.slots=1"];
    private TestCluster cluster = null!;

    public async Task InitializeAsync() => cluster = await TestCluster.CreateAsync("failover", log);

    public async Task DisposeAsync() => await cluster.DisposeAsync();

    [Fact(Timeout = 240_000)]
    public async Task the_other_controller_resumes_a_campaign_whose_controller_is_killed_and_proposes_again_within_30_seconds()
    {
        MnasProcess[] controllers = [cluster.StartController(), cluster.StartController()];
        foreach (var process in controllers.Concat([cluster.StartWorker(WorkerSettings), cluster.StartWorker(WorkerSettings)]))
        {
            await cluster.ReadyAsync(process);
        }

        await cluster.SubmitAsync(CampaignId, "name: failover\n", "--children", $"{Children}", "--minibatch", "4", "--workers", "2");
        await cluster.Until(async () => await cluster.Store.GetLatestCheckpointAsync(CampaignId) != null && controllers.Any(c => CampaignHosting.Runs(c, CampaignId)),
            TimeSpan.FromSeconds(90), "the campaign made no checkpoint");
        var host = controllers.Single(c => CampaignHosting.Runs(c, CampaignId));
        var other = controllers.Single(c => c != host);
        var killedAt = DateTimeOffset.UtcNow;
        await host.KillAsync();
        // Read once the process is gone: it may have proposed a child in its last moments.
        var proposedBefore = await cluster.Store.GetMaxSequenceAsync(CampaignId);
        var checkpointBefore = (await cluster.Store.GetLatestCheckpointAsync(CampaignId))!.Version;
        cluster.Say($"kill -9 {host.Name}, which runs the campaign: {proposedBefore} children proposed, checkpoint {checkpointBefore}");

        await cluster.Until(() => Task.FromResult(CampaignHosting.Resumptions(other, CampaignId) >= 1), TimeSpan.FromSeconds(30),
            $"{other.Name} did not resume the campaign");
        await cluster.Until(async () => await cluster.Store.GetMaxSequenceAsync(CampaignId) > proposedBefore, TimeSpan.FromSeconds(30),
            "no child was proposed after the controller was killed");
        var proposedAgain = DateTimeOffset.UtcNow - killedAt;
        cluster.Say($"{other.Name} resumed the campaign and proposed again {proposedAgain.TotalSeconds:F1} s after the kill");
        Assert.True(proposedAgain < TimeSpan.FromSeconds(30), $"the campaign proposed again {proposedAgain.TotalSeconds:F1} s after the kill");

        await cluster.Until(() => cluster.CompletedAsync(CampaignId), TimeSpan.FromSeconds(90), "the campaign did not complete");
        var children = await cluster.Store.ListChildrenAsync(CampaignId);
        Assert.Equal(Enumerable.Range(1, Children).Select(i => (long)i), children.Select(c => c.Sequence));
        Assert.All(children, c => Assert.True(c.Status == ChildStatus.Done, $"child {c.Sequence} is {c.Status}: {c.FailureReason}"));
        Assert.True((await cluster.Store.GetLatestCheckpointAsync(CampaignId))!.Version > checkpointBefore);
        var (replayed, checkpointed) = await ControllerReplay.RunAsync(cluster.Store, CampaignId);
        Assert.True(replayed.SequenceEqual(checkpointed), "the last checkpoint is not the state an uninterrupted run reaches");
    }
}
