using Mnas.Strategies.Rl;
using Mnas.Strategies.Tests.Support;

namespace Mnas.Strategies.Tests.Rl;

public class RlStrategyTests
{
    private static readonly ControllerOptions Small = new() { HiddenSize = 16, EmbeddingSize = 8, Seed = 4 };

    [Fact]
    public async Task it_checkpoints_after_every_minibatch_and_once_more_for_the_partial_one_left_at_the_end()
    {
        var toy = new ToyReward(Spaces.Default);
        var engine = new InMemorySearchEngine(workers: 4, budget: 50, toy.Score, shuffleSeed: 1);
        var strategy = new RlStrategy(Small);

        await strategy.RunAsync(Spaces.Default, engine, null, CancellationToken.None);

        Assert.Equal(50, engine.Submitted.Count);
        Assert.Equal(50, engine.Delivered.Count);
        Assert.Equal(0, engine.InFlight);
        // Updates at the 20th and 40th result; the last 10 stay buffered in the final state, settled by nothing.
        Assert.Equal([20, 20, 0], engine.Checkpoints.Select(c => c.Included.Count));
        Assert.Equal([20, 40, 50], engine.Checkpoints.Select(c => c.DeliveredSoFar));
        Assert.Equal(40, engine.Checkpoints.SelectMany(c => c.Included).Distinct().Count());
        using var final = RlController.Restore(Spaces.Default, Small, engine.Checkpoints[^1].State);
        Assert.Equal(2, final.PolicyVersion);
        Assert.Equal(10, final.Buffered);
    }

    [Fact]
    public async Task with_update_on_partial_minibatch_the_last_ten_children_get_an_update_of_their_own()
    {
        var engine = new InMemorySearchEngine(workers: 4, budget: 50, new ToyReward(Spaces.Default).Score);
        var strategy = new RlStrategy(Small with { UpdateOnPartialMinibatch = true });
        var updates = new List<ControllerUpdate>();
        strategy.Updated += updates.Add;

        await strategy.RunAsync(Spaces.Default, engine, null, CancellationToken.None);

        Assert.Equal([20, 20, 10], engine.Checkpoints.Select(c => c.Included.Count));
        Assert.Equal([20, 20, 10], updates.Select(u => u.Used));
        Assert.Equal([1L, 2L, 3L], updates.Select(u => u.PolicyVersion));
        Assert.Equal(Enumerable.Range(1, 50).Select(i => (long)i), engine.Checkpoints.SelectMany(c => c.Included).Order());
    }

    [Fact]
    public async Task proposals_carry_the_version_of_the_policy_that_sampled_them()
    {
        var engine = new InMemorySearchEngine(workers: 4, budget: 45, new ToyReward(Spaces.Default).Score);

        await new RlStrategy(Small).RunAsync(Spaces.Default, engine, null, CancellationToken.None);

        // In order with 4 workers: the 20th result arrives when 23 are submitted, so 23 come from version 0 and
        // proposals 24–43 from version 1, 44–45 from version 2.
        Assert.Equal(23, engine.Submitted.Count(p => p.PolicyVersion == 0));
        Assert.Equal(20, engine.Submitted.Count(p => p.PolicyVersion == 1));
        Assert.Equal(2, engine.Submitted.Count(p => p.PolicyVersion == 2));
    }

    [Fact]
    public async Task with_a_policy_lag_the_new_policy_takes_over_that_many_proposals_later_however_fast_the_update_runs()
    {
        var engine = new InMemorySearchEngine(workers: 4, budget: 45, new ToyReward(Spaces.Default).Score, shuffleSeed: 2);

        await new RlStrategy(Small with { PolicyLag = 2 }).RunAsync(Spaces.Default, engine, null, CancellationToken.None);

        // The 20th result comes when 23 are submitted: 2 more from version 0, version 1 from the 26th on. The 40th
        // comes when 43 are: the last two fall within the lag.
        Assert.Equal(25, engine.Submitted.Count(p => p.PolicyVersion == 0));
        Assert.Equal(20, engine.Submitted.Count(p => p.PolicyVersion == 1));
        Assert.Equal([20, 20, 0], engine.Checkpoints.Select(c => c.Included.Count));
        using var final = RlController.Restore(Spaces.Default, Small, engine.Checkpoints[^1].State);
        Assert.Equal(2, final.PolicyVersion);
        Assert.Equal(1, final.SamplingVersion);
    }

    [Fact]
    public async Task with_a_policy_lag_a_strategy_restored_from_any_checkpoint_proposes_what_the_original_proposed_after_it()
    {
        var toy = new ToyReward(Spaces.Default);
        var lagged = Small with { PolicyLag = 3 };
        var original = new InMemorySearchEngine(workers: 4, budget: 70, toy.Score, shuffleSeed: 5);
        await new RlStrategy(lagged).RunAsync(Spaces.Default, original, null, CancellationToken.None);
        Assert.Equal(4, original.Checkpoints.Count);

        foreach (var checkpoint in original.Checkpoints.Take(3))
        {
            using var state = RlController.Restore(Spaces.Default, lagged, checkpoint.State);
            var resumed = new InMemorySearchEngine(workers: 4, budget: 4, toy.Score);
            await new RlStrategy(lagged).RunAsync(Spaces.Default, resumed, checkpoint.State, CancellationToken.None);

            var expected = original.Submitted.Skip((int)state.Proposals).Take(4).ToArray();
            Assert.Equal(expected.Select(p => p.Architecture), resumed.Submitted.Select(p => p.Architecture));
            Assert.Equal(expected.Select(p => p.PolicyVersion), resumed.Submitted.Select(p => p.PolicyVersion));
        }
    }

    [Fact]
    public async Task a_strategy_restored_from_a_checkpoint_proposes_what_the_original_proposed_after_it()
    {
        var toy = new ToyReward(Spaces.Default);
        var original = new InMemorySearchEngine(workers: 4, budget: 40, toy.Score);
        await new RlStrategy(Small).RunAsync(Spaces.Default, original, null, CancellationToken.None);
        var checkpoint = original.Checkpoints[0];

        var resumed = new InMemorySearchEngine(workers: 4, budget: 5, toy.Score);
        await new RlStrategy(Small).RunAsync(Spaces.Default, resumed, checkpoint.State, CancellationToken.None);

        // The first checkpoint came at the 20th result, after 23 submissions; the original's 24th–28th proposals
        // were sampled from the checkpointed weights and generator, as the resumed strategy's first five are.
        var expected = original.Submitted.Skip(23).Take(5).ToArray();
        Assert.Equal(expected.Select(p => p.Architecture), resumed.Submitted.Select(p => p.Architecture));
        Assert.Equal(expected.Select(p => p.LogProbability), resumed.Submitted.Select(p => p.LogProbability));
        Assert.All(resumed.Submitted, p => Assert.Equal(1, p.PolicyVersion));
    }

    [Fact]
    public async Task an_engine_with_no_free_worker_and_nothing_in_flight_still_gets_a_submission()
    {
        var engine = new InMemorySearchEngine(workers: 0, budget: 3, new ToyReward(Spaces.Default).Score);

        await new RlStrategy(Small).RunAsync(Spaces.Default, engine, null, CancellationToken.None);

        Assert.Equal(3, engine.Delivered.Count);
    }

    [Fact]
    public async Task cancellation_stops_the_search()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();
        var engine = new InMemorySearchEngine(workers: 4, budget: 10, new ToyReward(Spaces.Default).Score);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            new RlStrategy(Small).RunAsync(Spaces.Default, engine, null, cancelled.Token));
        Assert.Empty(engine.Submitted);
    }
}
