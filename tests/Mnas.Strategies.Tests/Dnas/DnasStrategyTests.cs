using Mnas.SearchSpace.Space;
using Mnas.SearchSpace.Spec;
using Mnas.SearchSpace.Supernet;
using Mnas.Strategies.Dnas;
using Mnas.Strategies.Tests.Support;

namespace Mnas.Strategies.Tests.Dnas;

public sealed class DnasStrategyTests
{
    private static readonly ModelSpace Space = new(new CampaignSpec());

    private static readonly SupernetPosterior Posterior = new(["k3_e1", "k5_e6", "skip"], [[0.4, 0.3, 0.3], [0.2, 0.5, 0.3], [0.3, 0.3, 0.4]], null, null, null,
        null, 5.0, 3);

    [Fact]
    public async Task it_trains_the_supernet_once_then_submits_the_drawn_children_and_takes_every_result()
    {
        var engine = new InMemorySupernetEngine(Posterior, workers: 2, budget: 100);

        await new DnasStrategy(new DnasStrategyOptions { Samples = 5, Seed = 4 }).RunAsync(Space, engine, null, CancellationToken.None);

        Assert.Equal(1, engine.SupernetRequests);
        Assert.Equal(SupernetDraws.Distinct(Posterior, 5, 4).Select(p => p.Architecture), engine.Submitted.Select(p => p.Architecture));
        Assert.Equal(0, engine.InFlight);
        Assert.Equal(2, engine.MostInFlight);
    }

    [Fact]
    public async Task the_budget_stops_it_before_every_drawn_child_is_submitted()
    {
        var engine = new InMemorySupernetEngine(Posterior, workers: 1, budget: 2);

        await new DnasStrategy(new DnasStrategyOptions { Samples = 5, Seed = 4 }).RunAsync(Space, engine, null, CancellationToken.None);

        Assert.Equal(2, engine.Submitted.Count);
    }

    [Fact]
    public async Task a_resumed_run_proposes_the_same_children()
    {
        var first = new InMemorySupernetEngine(Posterior, 3, 100);
        var again = new InMemorySupernetEngine(Posterior, 1, 100);

        await new DnasStrategy(new DnasStrategyOptions { Name = "fbnetv2", Samples = 4, Seed = 8 }).RunAsync(Space, first, null, CancellationToken.None);
        await new DnasStrategy(new DnasStrategyOptions { Name = "fbnetv2", Samples = 4, Seed = 8 }).RunAsync(Space, again, null, CancellationToken.None);

        Assert.Equal(first.Submitted.Select(p => p.Architecture), again.Submitted.Select(p => p.Architecture));
    }

    [Fact]
    public async Task an_engine_that_cannot_train_supernets_is_refused_by_name()
    {
        var engine = new InMemorySearchEngine(1, 1, _ => 0.5);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            new DnasStrategy(new DnasStrategyOptions()).RunAsync(Space, engine, null, CancellationToken.None));

        Assert.Contains("fbnet", error.Message);
    }

    [Theory]
    [InlineData("rl", 3, "name")]
    [InlineData("fbnet", 0, "samples")]
    public void bad_options_are_refused_naming_the_setting(string name, int samples, string setting)
    {
        var error = Assert.Throws<ArgumentException>(() => new DnasStrategy(new DnasStrategyOptions { Name = name, Samples = samples }));

        Assert.Contains(setting, error.Message);
    }
}
