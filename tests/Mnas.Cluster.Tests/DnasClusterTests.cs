using Mnas.Campaigns;
using Mnas.SearchSpace.Supernet;
using Xunit.Abstractions;

namespace Mnas.Cluster.Tests;

/// <summary>
/// An fbnetv2 campaign on a cluster of <c>mnas</c> processes: its supernet trains on one worker, epoch after epoch into
/// the store; the worker is killed mid-training and the supernet goes on on the other worker from its last recorded
/// epoch, repeating none; then the children drawn from it are trained. Workers simulate training (the supernet's and the
/// children's): this is about the runtime, not the search.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class DnasClusterTests(ITestOutputHelper log) : IAsyncLifetime
{
    private const string CampaignId = "dnas";
    private const int Epochs = 8;
    private static readonly string[] WorkerSettings = ["worker.trainer=simulated", "worker.simulated_seconds=1", "worker.slots=1"];

    private const string Spec = """
        name: dnas
        target: {input: {channels: 3, height: 32, width: 32}, classes: 10}
        skeleton:
          stem_channels: 8
          blocks: [{channels: 16, layers: 2, stride: 2}, {channels: 24, layers: 2, stride: 2}]
          head_channels: 64
        dnas: {candidates: [k3_e1, k3_e1_g2, k5_e6, skip], epochs: 8, warmup_epochs: 2, samples: 3, widths: [0.5, 1.0], resolutions: [1, 2]}
        """;

    private TestCluster cluster = null!;

    public async Task InitializeAsync() => cluster = await TestCluster.CreateAsync("dnas", log);

    public async Task DisposeAsync() => await cluster.DisposeAsync();

    [Fact(Timeout = 240_000)]
    public async Task a_supernet_whose_worker_is_killed_goes_on_elsewhere_from_its_last_epoch_then_its_children_train()
    {
        MnasProcess[] processes = [cluster.StartController(), cluster.StartWorker(WorkerSettings), cluster.StartWorker(WorkerSettings)];
        foreach (var process in processes)
        {
            await cluster.ReadyAsync(process);
        }

        await cluster.SubmitAsync(CampaignId, Spec, "--children", "10", "--strategy", "fbnetv2");
        await cluster.Until(async () => (await cluster.Store.GetSupernetAsync(CampaignId))?.EpochsDone >= 2, TimeSpan.FromSeconds(90),
            "the supernet recorded no second epoch");
        var runner = await cluster.RunnerAsync(CampaignId, 0, 1);
        Assert.NotNull(runner);
        var victim = processes.Single(p => p.WorkerId == runner);
        await victim.KillAsync();
        var doneAtKill = (await cluster.Store.GetSupernetAsync(CampaignId))!.EpochsDone;
        cluster.Say($"kill -9 {victim.Name} (worker {runner}), which trains the supernet, after epoch {doneAtKill}");

        await cluster.Until(() => cluster.CompletedAsync(CampaignId), TimeSpan.FromSeconds(150), "the campaign did not complete");

        var supernet = (await cluster.Store.GetSupernetAsync(CampaignId))!;
        Assert.Equal((2, Epochs, true), (supernet.Attempts, supernet.EpochsDone, supernet.Trained));
        var epochs = await cluster.Store.ListSupernetEpochsAsync(CampaignId);
        Assert.Equal(Enumerable.Range(1, Epochs), epochs.Select(e => e.Epoch));
        Assert.All(epochs, e => Assert.Equal(e.Epoch <= doneAtKill ? 1 : 2, e.Attempt));
        var events = await cluster.EventsAsync(CampaignId);
        Assert.Contains(events, e => e.Kind == "retry" && e.Message.Contains($"worker {runner} lost", StringComparison.Ordinal));
        var children = await cluster.Store.ListChildrenAsync(CampaignId);
        Assert.Equal(3, children.Count);
        Assert.All(children, c => Assert.Equal(ChildStatus.Done, c.Status));
        Assert.All(children, c => Assert.NotNull(SupernetChildName.Parse(c.Architecture).Widths));
    }
}
