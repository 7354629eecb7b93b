using Mnas.Campaigns;
using Mnas.SearchSpace.Supernet;
using Xunit.Abstractions;

namespace Mnas.Cluster.Tests;

/// <summary>
/// A bn-nas campaign on a cluster of <c>mnas</c> processes: its single-path supernet trains on one worker, epoch after
/// epoch into the PostgreSQL store with its BN indicator; the controller's evolution over the indicator is kept with
/// the supernet; the subnets it chose train on the workers. Workers simulate training: this is about the runtime, not
/// the search (the search's own training is tested on the real engine by the command line's tests).
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class BnNasClusterTests(ITestOutputHelper log) : IAsyncLifetime
{
    private const string CampaignId = "bnnas";
    private static readonly string[] WorkerSettings = ["worker.trainer=simulated", "worker.simulated_seconds=0.5", "worker.slots=1"];

    private const string Spec = """
        name: bnnas
        target: {input: {channels: 3, height: 32, width: 32}, classes: 10}
        skeleton:
          stem_channels: 8
          blocks: [{channels: 16, layers: 2, stride: 2}, {channels: 24, layers: 2, stride: 2}]
          head_channels: 64
        bnnas: {candidates: [k3_e1, k3_e1_g2, k5_e6], epochs: 30, population: 10, iterations: 4, parents: 3, samples: 3}
        """;

    private TestCluster cluster = null!;

    public async Task InitializeAsync() => cluster = await TestCluster.CreateAsync("bnnas", log);

    public async Task DisposeAsync() => await cluster.DisposeAsync();

    [Fact(Timeout = 180_000)]
    public async Task a_bn_nas_campaign_trains_its_supernet_on_a_worker_keeps_the_evolution_and_trains_the_chosen_subnets()
    {
        MnasProcess[] processes = [cluster.StartController(), cluster.StartWorker(WorkerSettings), cluster.StartWorker(WorkerSettings)];
        foreach (var process in processes)
        {
            await cluster.ReadyAsync(process);
        }

        await cluster.SubmitAsync(CampaignId, Spec, "--children", "10", "--strategy", "bn-nas");
        await cluster.Until(() => cluster.CompletedAsync(CampaignId), TimeSpan.FromSeconds(120), "the campaign did not complete");

        var supernet = (await cluster.Store.GetSupernetAsync(CampaignId))!;
        Assert.Equal((1, 3, true), (supernet.Attempts, supernet.EpochsDone, supernet.Trained));
        var epochs = await cluster.Store.ListSupernetEpochsAsync(CampaignId);
        Assert.All(epochs, e => Assert.Equal(3, e.Scores![0].Count));
        Assert.Equal([false, true, true], epochs.Select(e => e.RankingDistance.HasValue));
        var evolution = SupernetEvolution.FromJson(supernet.EvolutionJson!);
        Assert.Equal(4, evolution.Iterations.Count);
        var children = (await cluster.Store.ListChildrenAsync(CampaignId)).OrderBy(c => c.Sequence).ToList();
        Assert.Equal(evolution.Chosen.Select(c => c.Architecture), children.Select(c => c.Architecture));
        Assert.All(children, c => Assert.Equal(ChildStatus.Done, c.Status));
        Assert.Contains(await cluster.EventsAsync(CampaignId), e => e.Kind == "evolution");
    }
}
