using Mnas.Campaigns;
using Mnas.Grains.Fbnetv3;
using Mnas.Grains.Hosting;
using Mnas.SearchSpace.Predictor;
using Mnas.SearchSpace.Recipes;
using Mnas.SearchSpace.Space;
using Mnas.SearchSpace.Spec;
using Mnas.Workers.Latency;

namespace Mnas.Grains.Tests;

/// <summary>
/// Asking a finished FBNetV3 campaign again: its fine stage runs under tighter constraints with the predictor of its last
/// checkpoint, every pair it proposes within them and costed by the latency table the campaign kept; a campaign that is
/// unknown, not an fbnetv3 one, or has no predictor yet is refused saying so.
/// </summary>
public sealed class CampaignRequeryTests : IAsyncLifetime
{
    private readonly TemporaryDirectories directories = new("mnas-requery");
    private CampaignHost host = null!;

    public async Task InitializeAsync() =>
        host = await CampaignHost.StartAsync(new RuntimeOptions { DataDirectory = directories.New(), Workers = 2 }, _ => new FakeTrainer());

    public async Task DisposeAsync()
    {
        await host.DisposeAsync();
        directories.Dispose();
    }

    [Fact(Timeout = 120_000)]
    public async Task a_finished_campaign_proposes_pairs_within_tighter_constraints_costed_by_its_latency_table()
    {
        await host.Store.CreateCampaignAsync(Fbnetv3CampaignTests.Campaign());
        await Fbnetv3CampaignTests.RunAsync(host);
        var space = new ModelSpace(Fbnetv3CampaignTests.Spec);
        var children = await host.Store.ListChildrenAsync("fbnetv3", ChildStatus.Done);
        // At most the median child's multiply-adds: some trained pairs meet it, others do not.
        var macs = children.Select(c => Mnas.Costs.CostAnalysis.Analyze(space.Freeze(space.Parse(RecipeChildName.Parse(c.Architecture).Sample))).Macs)
            .Order().ToList();
        var tighter = new PairConstraints { MaxMacs = macs[macs.Count / 2], MaxLatencyMs = 1_000 };

        var result = await CampaignRequery.RunAsync(host.Store, "fbnetv3", tighter, CancellationToken.None);

        Assert.Equal(tighter, result.Constraints);
        Assert.NotEmpty(result.Pairs);
        Assert.NotEmpty(result.Iterations);
        var table = await host.Store.GetLatencyTableAsync("fbnetv3");
        // Only pairs whose every operator the table holds are proposed (the others are counted as unmeasured, not timed).
        Assert.All(result.Pairs, pair =>
        {
            Assert.True(pair.Costs.Macs <= tighter.MaxMacs, $"{pair.Architecture}: {pair.Costs.Macs} multiply-adds");
            var view = space.Freeze(space.Parse(RecipeChildName.Parse(pair.Architecture).Sample));
            Assert.Equal(NetworkOperators.Keys(view).Sum(k => table[k]), pair.Costs.LatencyMs, 9);
        });
        Assert.Equal(result.Pairs.Select(p => p.PredictedAccuracy).OrderDescending(), result.Pairs.Select(p => p.PredictedAccuracy));
    }

    [Fact(Timeout = 30_000)]
    public async Task a_campaign_of_another_strategy_unknown_or_without_a_predictor_is_refused_saying_why()
    {
        var spec = CampaignSpecWriter.ToJson(Fbnetv3CampaignTests.Spec);
        await host.Store.CreateCampaignAsync(new Campaign("rl", "rl", spec, new CampaignSettings("rl").ToJson(), 7, CampaignStatus.Completed,
            DateTimeOffset.UnixEpoch));
        await host.Store.CreateCampaignAsync(Fbnetv3CampaignTests.Campaign("fresh"));
        var constraints = new PairConstraints { MaxMacs = 1_000_000 };

        var other = await Assert.ThrowsAsync<InvalidOperationException>(() => CampaignRequery.RunAsync(host.Store, "rl", constraints, CancellationToken.None));
        var unknown = await Assert.ThrowsAsync<KeyNotFoundException>(() => CampaignRequery.RunAsync(host.Store, "nope", constraints, CancellationToken.None));
        var fresh = await Assert.ThrowsAsync<InvalidOperationException>(() => CampaignRequery.RunAsync(host.Store, "fresh", constraints, CancellationToken.None));

        Assert.Contains("strategy rl", other.Message);
        Assert.Contains("fbnetv3", other.Message);
        Assert.Contains("'nope'", unknown.Message);
        Assert.Contains("no predictor yet", fresh.Message);
    }
}
