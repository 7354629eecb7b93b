using Mnas.Campaigns;
using Mnas.SearchSpace.Predictor;
using Mnas.SearchSpace.Recipes;
using Xunit.Abstractions;

namespace Mnas.Cluster.Tests;

/// <summary>
/// An fbnetv3 campaign on a cluster of <c>mnas</c> processes: the controller pretrains and fits the predictor, a worker
/// times the operators the latency table lacks, and the coarse rounds' and final children — each named with its recipe —
/// are ordinary children on the workers, with every step of the search in the PostgreSQL store. Workers simulate training:
/// this is about the runtime, not the search (the search's own training is tested on the real engine by the strategies'
/// and the command line's tests).
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class Fbnetv3ClusterTests(ITestOutputHelper log) : IAsyncLifetime
{
    private const string CampaignId = "fbnetv3";
    private static readonly string[] WorkerSettings = ["worker.trainer=simulated", "worker.simulated_seconds=0.5", "worker.slots=1"];

    private const string Spec = """
        name: fbnetv3
        target: {input: {channels: 3, height: 32, width: 32}, classes: 10}
        skeleton:
          stem_channels: 8
          blocks: [{channels: 16, layers: 2, stride: 2}, {channels: 24, layers: 2, stride: 2}]
          head_channels: 64
        reward: {latency_target_ms: 1000}
        fbnetv3:
          pretrain_architectures: 50
          pretrain_epochs: 5
          predictor_epochs: 40
          frozen_epochs: 10
          rounds: 2
          children_per_round: 3
          pool: 16
          population: 8
          top_k: 4
          max_iterations: 3
          final_children: 2
        """;

    private TestCluster cluster = null!;

    public async Task InitializeAsync() => cluster = await TestCluster.CreateAsync("fbnetv3", log);

    public async Task DisposeAsync() => await cluster.DisposeAsync();

    [Fact(Timeout = 180_000)]
    public async Task an_fbnetv3_campaign_times_its_operators_on_a_worker_and_trains_its_rounds_and_final_children_on_the_workers()
    {
        MnasProcess[] processes = [cluster.StartController(), cluster.StartWorker(WorkerSettings), cluster.StartWorker(WorkerSettings)];
        foreach (var process in processes)
        {
            await cluster.ReadyAsync(process);
        }

        await cluster.SubmitAsync(CampaignId, Spec, "--strategy", "fbnetv3");
        await cluster.Until(() => cluster.CompletedAsync(CampaignId), TimeSpan.FromSeconds(150), "the campaign did not complete");

        var children = (await cluster.Store.ListChildrenAsync(CampaignId)).OrderBy(c => c.Sequence).ToList();
        Assert.Equal(2 * 3 + 2, children.Count);
        Assert.All(children, c => Assert.Equal(ChildStatus.Done, c.Status));
        Assert.All(children, c => Assert.NotNull(RecipeChildName.Parse(c.Architecture).Recipe));
        var rounds = (await cluster.Store.ListSearchRoundsAsync(CampaignId)).Select(r => SearchRound.FromJson(r.Json)).ToList();
        Assert.Equal(SearchRound.Pretrain, rounds[0].Stage);
        Assert.Equal(2, rounds.Count(r => r.Stage == SearchRound.Coarse));
        Assert.Contains(rounds, r => r.Stage == SearchRound.Fine);
        Assert.Equal(SearchRound.Final, rounds[^1].Stage);
        Assert.Equal(children.Select(c => c.Sequence), rounds.SelectMany(r => r.Points).Select(p => p.Sequence).Order());
        Assert.NotEmpty(await cluster.Store.GetLatencyTableAsync(CampaignId));
        var events = await cluster.EventsAsync(CampaignId);
        Assert.Contains(events, e => e.Kind == "latency-table");
        Assert.Contains(events, e => e.Kind == "search");
    }
}
