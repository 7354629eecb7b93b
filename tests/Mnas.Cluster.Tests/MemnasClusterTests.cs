using Mnas.Campaigns;
using Mnas.SearchSpace.Predictor;
using Xunit.Abstractions;

namespace Mnas.Cluster.Tests;

/// <summary>
/// A memnas campaign on a cluster of <c>mnas</c> processes: the controller ranks each round's grow and trim candidates and
/// fits its ranking controller, the first base and every round's top k are ordinary children on the workers, and every
/// step of the search is in the PostgreSQL store. Workers simulate training: this is about the runtime, not the search
/// (the search's own training is tested by the strategy's and the embedded campaign's tests).
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class MemnasClusterTests(ITestOutputHelper log) : IAsyncLifetime
{
    private const string CampaignId = "memnas";
    private static readonly string[] WorkerSettings = ["worker.trainer=simulated", "worker.simulated_seconds=0.5", "worker.slots=1"];

    private const string Spec = """
        name: memnas
        target: {input: {channels: 3, height: 32, width: 32}, classes: 10}
        skeleton:
          stem_channels: 8
          blocks: [{channels: 16, layers: 1, stride: 2}, {channels: 24, layers: 2, stride: 2}]
          head_channels: 64
        memnas:
          base: mobilenet_v2
          rounds: 2
          top_k: 2
          patience: 2
          hidden_units: 8
          controller_epochs: 10
        """;

    private TestCluster cluster = null!;

    public async Task InitializeAsync() => cluster = await TestCluster.CreateAsync("memnas", log);

    public async Task DisposeAsync() => await cluster.DisposeAsync();

    [Fact(Timeout = 180_000)]
    public async Task a_memnas_campaign_trains_its_base_and_every_rounds_top_k_on_the_workers_and_records_its_rounds()
    {
        MnasProcess[] processes = [cluster.StartController(), cluster.StartWorker(WorkerSettings), cluster.StartWorker(WorkerSettings)];
        foreach (var process in processes)
        {
            await cluster.ReadyAsync(process);
        }

        await cluster.SubmitAsync(CampaignId, Spec, "--strategy", "memnas");
        await cluster.Until(() => cluster.CompletedAsync(CampaignId), TimeSpan.FromSeconds(150), "the campaign did not complete");

        var children = (await cluster.Store.ListChildrenAsync(CampaignId)).OrderBy(c => c.Sequence).ToList();
        Assert.Equal(1 + 2 * 2, children.Count);
        Assert.All(children, c => Assert.Equal(ChildStatus.Done, c.Status));
        var rounds = (await cluster.Store.ListSearchRoundsAsync(CampaignId)).Select(r => SearchRound.FromJson(r.Json)).ToList();
        Assert.Equal([SearchRound.BaseTrained, SearchRound.GrowTrim, SearchRound.GrowTrim], rounds.Select(r => r.Stage));
        Assert.Equal((children[0].Sequence, children[0].Architecture), (rounds[0].Base!.Sequence, rounds[0].Base!.Architecture));
        var trained = rounds.Skip(1).SelectMany(r => r.Candidates!).Where(c => c.Sequence is not null).ToList();
        Assert.Equal(children.Skip(1).Select(c => (c.Sequence, c.Architecture)), trained.OrderBy(c => c.Sequence).Select(c => (c.Sequence!.Value, c.Architecture)));
        Assert.All(trained, c => Assert.Equal(children.Single(child => child.Sequence == c.Sequence).Metrics!.Accuracy, c.Accuracy));
        Assert.Equal(["prior", "controller"], rounds.Skip(1).Select(r => r.RankedBy));
        Assert.Contains(await cluster.EventsAsync(CampaignId), e => e.Kind == "search");
    }
}
