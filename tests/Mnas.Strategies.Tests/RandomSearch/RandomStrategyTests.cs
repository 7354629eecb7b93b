using Mnas.Strategies.RandomSearch;
using Mnas.Strategies.Tests.Support;
using Mnas.SearchSpace.Validation;

namespace Mnas.Strategies.Tests.RandomSearch;

public class RandomStrategyTests
{
    [Fact]
    public async Task every_proposal_has_log_probability_minus_log_of_the_space_size_and_version_zero()
    {
        var engine = new InMemorySearchEngine(workers: 4, budget: 30, new ToyReward(Spaces.Default).Score);

        await new RandomStrategy(new RandomStrategyOptions { Seed = 1 }).RunAsync(Spaces.Default, engine, null, CancellationToken.None);

        // −log(540^7) = −7·ln 540 = −44.040984
        Assert.All(engine.Submitted, p => Assert.Equal(-44.040983976908244, p.LogProbability, 10));
        Assert.All(engine.Submitted, p => Assert.Equal(0, p.PolicyVersion));
        Assert.Equal(30, engine.Submitted.Select(p => p.Architecture).Distinct().Count());
    }

    [Fact]
    public async Task choices_are_uniform()
    {
        var engine = new InMemorySearchEngine(workers: 4, budget: 3000, _ => 0);

        await new RandomStrategy(new RandomStrategyOptions { Seed = 2 }).RunAsync(Spaces.Default, engine, null, CancellationToken.None);

        // Each of the 5 ops of block 1 has probability 0.2: 600 ± 22 (1σ) of 3000.
        var ops = engine.Submitted.GroupBy(p => p.Sample!["b1.op"]).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(5, ops.Count);
        Assert.All(ops.Values, count => Assert.InRange(count, 500, 700));
    }

    [Fact]
    public async Task it_checkpoints_every_n_results_and_once_more_for_the_remainder()
    {
        var engine = new InMemorySearchEngine(workers: 4, budget: 45, _ => 0.5, shuffleSeed: 3);

        await new RandomStrategy(new RandomStrategyOptions { CheckpointEvery = 20 }).RunAsync(Spaces.Default, engine, null, CancellationToken.None);

        Assert.Equal([20, 20, 5], engine.Checkpoints.Select(c => c.Included.Count));
        Assert.Equal(Enumerable.Range(1, 45).Select(i => (long)i), engine.Checkpoints.SelectMany(c => c.Included).Order());
    }

    [Fact]
    public async Task a_restored_random_search_continues_the_original_sequence()
    {
        var original = new InMemorySearchEngine(workers: 4, budget: 40, _ => 0.5);
        await new RandomStrategy(new RandomStrategyOptions { Seed = 9 }).RunAsync(Spaces.Default, original, null, CancellationToken.None);

        var resumed = new InMemorySearchEngine(workers: 4, budget: 6, _ => 0.5);
        await new RandomStrategy(new RandomStrategyOptions { Seed = 9 }).RunAsync(Spaces.Default, resumed, original.Checkpoints[0].State,
            CancellationToken.None);

        // The first checkpoint came at the 20th result, after 23 proposals had been drawn.
        Assert.Equal(original.Submitted.Skip(23).Take(6).Select(p => p.Architecture), resumed.Submitted.Select(p => p.Architecture));
    }

    [Fact]
    public void a_checkpoint_interval_below_one_is_refused_by_name()
    {
        var error = Assert.Throws<SpecException>(() => new RandomStrategy(new RandomStrategyOptions { CheckpointEvery = 0 }));

        Assert.Equal("checkpoint_every: must be at least 1 (got 0)", Assert.Single(error.Problems).ToString());
    }
}
