using Mnas.Strategies.Rl;
using Mnas.Strategies.Tests.Support;

namespace Mnas.Strategies.Tests.Rl;

/// <summary>What the RL strategy tells its engine of each update, for the campaign's history.</summary>
public class RlStrategyReportTests
{
    private static readonly ControllerOptions Small = new() { HiddenSize = 16, EmbeddingSize = 8, Seed = 4, UpdateOnPartialMinibatch = true };

    [Fact]
    public async Task every_update_is_reported_before_its_checkpoint_with_its_minibatch_reward_baseline_and_entropy_per_decision()
    {
        var engine = new InMemorySearchEngine(workers: 4, budget: 50, new ToyReward(Spaces.Default).Score);
        var strategy = new RlStrategy(Small);
        var updates = new List<ControllerUpdate>();
        strategy.Updated += updates.Add;

        await strategy.RunAsync(Spaces.Default, engine, null, CancellationToken.None);

        var reports = engine.Reports.Select(r => r.Report).ToList();
        Assert.Equal([1L, 2L, 3L], reports.Select(r => r.Version));
        Assert.Equal([20, 20, 10], reports.Select(r => r.Children));
        Assert.Equal(updates.Select(u => u.MeanReward), reports.Select(r => r.MeanReward));
        Assert.Equal(updates.Select(u => u.BaselineBefore), reports.Select(r => r.Baseline));
        Assert.Equal([0, 1, 2], engine.Reports.Select(r => r.CheckpointsSoFar));
        using var controller = new RlController(Spaces.Default, Small);
        // Per decision, an entropy lies between 0 and the log of the widest choice list (a few dozen choices at most).
        Assert.All(reports, r => Assert.InRange(r.Entropy, 1e-6, Math.Log(32)));
        Assert.Equal(updates[0].MeanEntropy / controller.DecisionsPerSample, reports[0].Entropy, 12);
    }
}
