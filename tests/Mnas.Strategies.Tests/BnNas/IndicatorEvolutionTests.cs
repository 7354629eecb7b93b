using Mnas.SearchSpace.Supernet;
using Mnas.Strategies.BnNas;

namespace Mnas.Strategies.Tests.BnNas;

public sealed class IndicatorEvolutionTests
{
    private static readonly SubnetConstraints Within30Ms = new() { MaxLatencyMs = 30 };

    [Fact]
    public void every_subnet_it_admits_and_every_one_it_chooses_meets_the_constraints_though_the_best_unconstrained_one_does_not()
    {
        var costs = ToySupernet.Costs(gap: true);
        var scored = new List<int[]>();
        var indicator = IndicatorEvolution.IndicatorScore(ToySupernet.Scores);

        var result = IndicatorEvolution.Search(ToySupernet.Candidates, costs, choice =>
        {
            scored.Add(choice.ToArray());
            return indicator(choice);
        }, Within30Ms, new EvolutionOptions { Seed = 1 });

        Assert.False(Within30Ms.Allows(costs.Of(Enumerable.Repeat(6, ToySupernet.Layers).ToList())));
        Assert.All(scored, choice => Assert.True(costs.Of(choice).LatencyMs <= 30, $"admitted [{string.Join(",", choice)}]"));
        Assert.All(scored, choice => Assert.NotEqual(ToySupernet.Candidates.Count - 1, choice[0]));
        Assert.All(result.Choices, choice => Assert.True(Within30Ms.Allows(costs.Of(choice))));
        Assert.All(result.Evolution.Chosen, subnet => Assert.InRange(subnet.Costs.LatencyMs, 0, 30));
        Assert.All(result.Evolution.Iterations, iteration => Assert.InRange(iteration.Feasible, 1, 50));
        // Latency is 9 + Σc and the score Σc: the constraint binds at a score of 21.
        Assert.Equal(21, result.Evolution.Chosen[0].Score);
    }

    [Theory]
    [InlineData(0UL)]
    [InlineData(1UL)]
    [InlineData(2UL)]
    [InlineData(3UL)]
    public void it_finds_the_single_best_subnet_of_a_toy_score_within_the_default_population_and_iterations(ulong seed)
    {
        int[] target = [.. Enumerable.Range(0, ToySupernet.Layers).Select(layer => (3 * layer + 5) % ToySupernet.Candidates.Count)];

        var result = IndicatorEvolution.Search(ToySupernet.Candidates, ToySupernet.Costs(), choice => choice.Where((c, layer) => c == target[layer]).Count(),
            SubnetConstraints.None, new EvolutionOptions { Seed = seed });

        Assert.Equal(target, result.Choices[0]);
        Assert.Equal(ToySupernet.Layers, result.Evolution.Chosen[0].Score);
        Assert.Equal(20, result.Evolution.Iterations.Count);
        Assert.True(result.Evolution.Iterations[0].BestScore < ToySupernet.Layers);
    }

    [Fact]
    public void the_chosen_are_the_best_distinct_subnets_seen_named_by_their_candidates_with_their_costs()
    {
        var costs = ToySupernet.Costs();

        var result = IndicatorEvolution.Search(ToySupernet.Candidates, ToySupernet.Scores, costs, Within30Ms, new EvolutionOptions { Samples = 4, Seed = 5 });

        Assert.Equal(4, result.Evolution.Chosen.Count);
        Assert.Equal(4, result.Evolution.Chosen.Select(c => c.Architecture).Distinct().Count());
        Assert.Equal(result.Evolution.Chosen.Select(c => c.Score).OrderByDescending(s => s), result.Evolution.Chosen.Select(c => c.Score));
        for (var i = 0; i < 4; i++)
        {
            var choice = result.Choices[i];
            Assert.Equal(new SupernetChildName(choice.Select(c => ToySupernet.Candidates[c]).ToList()).ToString(), result.Evolution.Chosen[i].Architecture);
            Assert.Equal(choice.Sum(), result.Evolution.Chosen[i].Score);
            Assert.Equal(costs.Of(choice), result.Evolution.Chosen[i].Costs);
        }
    }

    [Fact]
    public void each_generation_keeps_its_parents_so_the_best_score_never_falls()
    {
        var result = IndicatorEvolution.Search(ToySupernet.Candidates, ToySupernet.Scores, ToySupernet.Costs(), Within30Ms,
            new EvolutionOptions { Population = 20, Iterations = 10, Parents = 4, Seed = 2 });

        var best = result.Evolution.Iterations.Select(i => i.BestScore).ToList();
        Assert.Equal(best.Order(), best);
        Assert.Equal(Enumerable.Range(1, 10), result.Evolution.Iterations.Select(i => i.Iteration));
        Assert.All(result.Evolution.Iterations, i => Assert.InRange(i.MeanScore, 0, i.BestScore));
    }

    [Fact]
    public void the_same_seed_gives_the_same_evolution_and_another_seed_another()
    {
        EvolutionResult Run(ulong seed) =>
            IndicatorEvolution.Search(ToySupernet.Candidates, ToySupernet.Scores, ToySupernet.Costs(gap: true), Within30Ms, new EvolutionOptions { Seed = seed });

        var (first, again, other) = (Run(7), Run(7), Run(8));

        Assert.Equal(first.Evolution.ToJson(), again.Evolution.ToJson());
        Assert.Equal(first.Choices, again.Choices);
        Assert.NotEqual(first.Evolution.ToJson(), other.Evolution.ToJson());
    }

    [Fact]
    public void a_constraint_that_only_the_cheapest_subnet_meets_still_finds_it()
    {
        // 1 ms fixed + 1 ms per layer at least: only all-first-candidates takes 9 ms, one subnet in 8^8.
        var result = IndicatorEvolution.Search(ToySupernet.Candidates, ToySupernet.Scores, ToySupernet.Costs(), new SubnetConstraints { MaxLatencyMs = 9 },
            new EvolutionOptions { Population = 10, Iterations = 3, Parents = 2, Seed = 3 });

        Assert.Equal([new int[ToySupernet.Layers]], result.Choices.Select(c => c.ToArray()));
        Assert.All(result.Evolution.Iterations, i => Assert.Equal(1, i.Feasible));
    }

    [Fact]
    public void no_feasible_subnet_is_an_error_naming_the_constraint_and_what_the_cheapest_reaches()
    {
        var constraints = new SubnetConstraints { MaxLatencyMs = 5, MaxMacs = 1_000_000 };

        var error = Assert.Throws<InvalidOperationException>(() => IndicatorEvolution.Search(ToySupernet.Candidates, ToySupernet.Scores,
            ToySupernet.Costs(), constraints, new EvolutionOptions { Population = 4, Parents = 2, Seed = 1 }));

        Assert.Contains("max_latency_ms 5", error.Message);
        Assert.Contains("latency_ms 9", error.Message);
        Assert.Contains("max_macs 1000000", error.Message);
    }

    [Fact]
    public void a_score_table_of_the_wrong_shape_is_refused()
    {
        var error = Assert.Throws<ArgumentException>(() => IndicatorEvolution.Search(ToySupernet.Candidates, ToySupernet.Scores.Take(3).ToList(),
            ToySupernet.Costs(), SubnetConstraints.None, new EvolutionOptions()));

        Assert.Contains("scores", error.Message);
    }

    [Theory]
    [InlineData(1, 20, 1, 0.1, 5, "population")]
    [InlineData(50, 0, 10, 0.1, 5, "iterations")]
    [InlineData(50, 20, 50, 0.1, 5, "parents")]
    [InlineData(50, 20, 0, 0.1, 5, "parents")]
    [InlineData(50, 20, 10, 0.0, 5, "mutation_probability")]
    [InlineData(50, 20, 10, 1.5, 5, "mutation_probability")]
    [InlineData(50, 20, 10, 0.1, 0, "samples")]
    public void bad_evolution_options_are_refused_naming_the_setting(int population, int iterations, int parents, double mutation, int samples, string setting)
    {
        var options = new EvolutionOptions { Population = population, Iterations = iterations, Parents = parents, MutationProbability = mutation, Samples = samples };

        var error = Assert.Throws<ArgumentException>(() =>
            IndicatorEvolution.Search(ToySupernet.Candidates, ToySupernet.Scores, ToySupernet.Costs(), SubnetConstraints.None, options));

        Assert.Contains(setting + ":", error.Message);
        Assert.Single(options.Validate());
    }
}
