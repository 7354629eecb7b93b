using Mnas.Strategies.Rewards;
using Mnas.Strategies.Rl;
using Mnas.Strategies.Tests.Support;
using Mnas.Torch;

namespace Mnas.Strategies.Tests.Rl;

public class ControllerUpdateTests
{
    private static double[] LogProbabilitiesOf(RlController controller, params ControllerSample[] drawn)
    {
        using var scope = torch.NewDisposeScope();
        using var evaluation = controller.LogProbabilities(drawn.Select(d => d.Sample).ToArray());
        return evaluation.LogProbabilities.data<float>().Select(v => (double)v).ToArray();
    }

    [Theory]
    [InlineData(UpdateRule.Ppo)]
    [InlineData(UpdateRule.Reinforce)]
    public void an_update_raises_the_log_probability_of_a_positively_rewarded_sample_and_lowers_a_negative_one(UpdateRule rule)
    {
        using var controller = new RlController(Spaces.Default, new ControllerOptions { Seed = 2, MinibatchSize = 3, Rule = rule });
        var first = controller.Sample();
        var good = controller.Sample();
        var bad = controller.Sample();
        var before = LogProbabilitiesOf(controller, good, bad);

        // The first reward (0.5) starts the baseline, so the advantages are 0, +0.4 and −0.4.
        controller.Observe(Outcomes.Of(first, 1, 0.5));
        controller.Observe(Outcomes.Of(good, 2, 0.9));
        controller.Observe(Outcomes.Of(bad, 3, 0.1));
        var update = controller.Update();
        var after = LogProbabilitiesOf(controller, good, bad);

        // One Adam step moves every weight by about lr = 3.5e-4; over ~84k weights that shifts a 42-token
        // log-probability by a few hundredths.
        Assert.InRange(after[0] - before[0], 0.005, 1.0);
        Assert.InRange(before[1] - after[1], 0.005, 1.0);
        Assert.Equal(1, update.PolicyVersion);
        Assert.Equal(1, controller.AdamSteps);
    }

    [Fact]
    public void a_fresh_minibatch_reports_the_ppo_loss_minus_mean_advantage_and_moves_the_baseline_as_an_ema()
    {
        using var controller = new RlController(Spaces.Default, new ControllerOptions { Seed = 8, MinibatchSize = 3 });
        var drawn = Enumerable.Range(0, 3).Select(_ => controller.Sample()).ToArray();
        double[] rewards = [0.2, 0.6, 0.4];
        for (var i = 0; i < 3; i++)
        {
            controller.Observe(Outcomes.Of(drawn[i], i + 1, rewards[i]));
        }

        var update = controller.Update();

        // Baseline before: the first reward 0.2; advantages 0, 0.4, 0.2 → mean 0.2. Every ratio is 1 (same weights),
        // so loss = −0.2 − 1e-5·mean(entropy ≈ 44) ≈ −0.20044.
        Assert.Equal(0.2, update.BaselineBefore, 15);
        Assert.Equal(-0.2 - 1e-5 * update.MeanEntropy, update.Loss, 5);
        // After: 0.2 → 0.95·0.2 + 0.05·0.6 = 0.22 → 0.95·0.22 + 0.05·0.4 = 0.229.
        Assert.Equal(0.229, update.BaselineAfter, 14);
        Assert.Equal(0.229, controller.Baseline!.Value, 14);
        Assert.Equal(0.4, update.MeanReward, 14);
        Assert.Equal(drawn.Average(d => d.Entropy), update.MeanEntropy, 4);
        Assert.Equal([1L, 2L, 3L], update.Included);
    }

    [Fact]
    public void excluded_failures_do_not_fill_the_minibatch_but_are_reported_as_settled()
    {
        using var controller = new RlController(Spaces.Default, new ControllerOptions { MinibatchSize = 2 });

        controller.Observe(Outcomes.Of(controller.Sample(), 5, 0.7));
        controller.Observe(Outcomes.Of(controller.Sample(), 6, 0, failed: true));
        controller.Observe(Outcomes.Of(controller.Sample(), 7, double.NaN));
        Assert.False(controller.ReadyToUpdate);
        Assert.Equal(1, controller.Buffered);
        controller.Observe(Outcomes.Of(controller.Sample(), 8, 0.5));
        var update = controller.Update();

        Assert.Equal(2, update.Used);
        Assert.Equal(0.6, update.MeanReward, 15);
        Assert.Equal([5L, 6L, 7L, 8L], update.Included);
    }

    [Fact]
    public void under_the_zero_policy_a_failure_is_trained_on_with_reward_zero()
    {
        var options = new ControllerOptions { MinibatchSize = 2, Failure = new FailureOptions { Policy = FailurePolicy.Zero } };
        using var controller = new RlController(Spaces.Default, options);

        controller.Observe(Outcomes.Of(controller.Sample(), 1, 0.8));
        controller.Observe(Outcomes.Of(controller.Sample(), 2, double.PositiveInfinity, failed: true));
        var update = controller.Update();

        Assert.Equal(2, update.Used);
        Assert.Equal(0.4, update.MeanReward, 15);
        // Baseline: 0.8, then 0.8, then 0.95·0.8 + 0.05·0 = 0.76 — finite throughout.
        Assert.Equal(0.76, update.BaselineAfter, 15);
        Assert.True(double.IsFinite(update.Loss));
    }

    [Fact]
    public void a_redelivered_result_is_not_counted_twice()
    {
        using var controller = new RlController(Spaces.Default, new ControllerOptions());
        var outcome = Outcomes.Of(controller.Sample(), 9, 0.3);

        Assert.True(controller.Observe(outcome));
        Assert.False(controller.Observe(outcome));
        Assert.Equal(1, controller.Buffered);
    }

    [Fact]
    public void k_epochs_take_k_adam_steps_per_update()
    {
        using var controller = new RlController(Spaces.Default, new ControllerOptions { MinibatchSize = 2, Epochs = 3 });
        controller.Observe(Outcomes.Of(controller.Sample(), 1, 0.1));
        controller.Observe(Outcomes.Of(controller.Sample(), 2, 0.9));

        controller.Update();

        Assert.Equal(3, controller.AdamSteps);
        Assert.Equal(1, controller.PolicyVersion);
    }
}
