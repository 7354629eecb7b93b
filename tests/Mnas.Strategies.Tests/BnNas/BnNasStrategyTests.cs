using Mnas.SearchSpace.Space;
using Mnas.SearchSpace.Spec;
using Mnas.SearchSpace.Supernet;
using Mnas.Strategies.BnNas;
using Mnas.Strategies.Tests.Support;

namespace Mnas.Strategies.Tests.BnNas;

public sealed class BnNasStrategyTests
{
    private static readonly ModelSpace Space = new(new CampaignSpec());

    private static readonly BnNasStrategyOptions Options = new()
    {
        Evolution = new EvolutionOptions { Population = 20, Iterations = 5, Parents = 4, Samples = 4, Seed = 6 },
        Constraints = new SubnetConstraints { MaxLatencyMs = 30 },
    };

    private static EvolutionResult Expected(SupernetPosterior posterior) =>
        IndicatorEvolution.Search(posterior.Candidates, posterior.Scores!, posterior.Costs!, Options.Constraints, Options.Evolution);

    [Fact]
    public async Task it_trains_the_supernet_once_records_the_evolution_then_submits_the_chosen_children_best_first()
    {
        var posterior = ToySupernet.Posterior(gap: true);
        var engine = new InMemorySupernetEngine(posterior, workers: 2, budget: 100);

        await new BnNasStrategy(Options).RunAsync(Space, engine, null, CancellationToken.None);

        var expected = Expected(posterior);
        Assert.Equal(1, engine.SupernetRequests);
        var (evolution, submittedSoFar) = Assert.Single(engine.Evolutions);
        Assert.Equal(0, submittedSoFar);
        Assert.Equal(expected.Evolution.ToJson(), evolution.ToJson());
        Assert.Equal(expected.Evolution.Chosen.Select(c => c.Architecture), engine.Submitted.Select(p => p.Architecture));
        Assert.Equal(expected.Choices, engine.Submitted.Select(p => p.Tokens));
        Assert.All(engine.Submitted, p => Assert.Equal(0.0, p.LogProbability));
        Assert.Equal(4, engine.Submitted.Count);
        Assert.Equal(0, engine.InFlight);
        Assert.Equal(2, engine.MostInFlight);
    }

    [Fact]
    public async Task the_budget_stops_it_before_every_chosen_child_is_submitted()
    {
        var posterior = ToySupernet.Posterior();
        var engine = new InMemorySupernetEngine(posterior, workers: 1, budget: 2);

        await new BnNasStrategy(Options).RunAsync(Space, engine, null, CancellationToken.None);

        Assert.Equal(Expected(posterior).Evolution.Chosen.Take(2).Select(c => c.Architecture), engine.Submitted.Select(p => p.Architecture));
        Assert.Equal(0, engine.InFlight);
    }

    [Fact]
    public async Task a_resumed_run_runs_the_same_evolution_and_proposes_the_same_children()
    {
        var first = new InMemorySupernetEngine(ToySupernet.Posterior(), 3, 100);
        var again = new InMemorySupernetEngine(ToySupernet.Posterior(), 1, 100);

        await new BnNasStrategy(Options).RunAsync(Space, first, null, CancellationToken.None);
        await new BnNasStrategy(Options).RunAsync(Space, again, null, CancellationToken.None);

        Assert.Equal(first.Submitted.Select(p => p.Architecture), again.Submitted.Select(p => p.Architecture));
        Assert.Equal(first.Evolutions.Single().Evolution.ToJson(), again.Evolutions.Single().Evolution.ToJson());
    }

    [Fact]
    public async Task an_engine_that_cannot_train_supernets_is_refused_by_name()
    {
        var engine = new InMemorySearchEngine(1, 1, _ => 0.5);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => new BnNasStrategy(Options).RunAsync(Space, engine, null, CancellationToken.None));

        Assert.Contains("bn-nas", error.Message);
    }

    [Fact]
    public async Task a_supernet_that_left_no_indicator_scores_is_refused_before_anything_is_submitted()
    {
        var posterior = new SupernetPosterior(["k3_e1", "k5_e6"], [[0.5, 0.5], [0.5, 0.5]], null, null, null, null, 5.0, 3);
        var engine = new InMemorySupernetEngine(posterior, 1, 10);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => new BnNasStrategy(Options).RunAsync(Space, engine, null, CancellationToken.None));

        Assert.Contains("scores", error.Message);
        Assert.Empty(engine.Submitted);
        Assert.Empty(engine.Evolutions);
    }

    [Fact]
    public async Task constraints_no_subnet_meets_fail_the_run_naming_them()
    {
        var engine = new InMemorySupernetEngine(ToySupernet.Posterior(), 1, 10);
        var options = Options with { Constraints = new SubnetConstraints { MaxParams = 500 } };

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => new BnNasStrategy(options).RunAsync(Space, engine, null, CancellationToken.None));

        Assert.Contains("max_params 500", error.Message);
        Assert.Empty(engine.Submitted);
    }

    [Fact]
    public void bad_options_are_refused_naming_every_setting()
    {
        var options = new BnNasStrategyOptions
        {
            Evolution = new EvolutionOptions { Population = 10, Parents = 10 },
            Constraints = new SubnetConstraints { MaxLatencyMs = -1 },
        };

        var error = Assert.Throws<ArgumentException>(() => new BnNasStrategy(options));

        Assert.Contains("parents:", error.Message);
        Assert.Contains("max_latency_ms:", error.Message);
    }
}
