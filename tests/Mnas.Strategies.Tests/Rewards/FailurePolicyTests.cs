using Mnas.SearchSpace.Spec;
using Mnas.Strategies.Rewards;
using Mnas.Strategies.Tests.Support;

namespace Mnas.Strategies.Tests.Rewards;

public class FailurePolicyTests
{
    private static readonly FailureOptions Exclude = new() { Policy = FailurePolicy.Exclude };
    private static readonly FailureOptions Zero = new() { Policy = FailurePolicy.Zero };

    private static Outcome Child(double reward, bool failed, double logProbability = -40) =>
        new(1, Spaces.Default.FromTokens(new int[Spaces.Default.Decisions.Count]), logProbability, 0, reward, failed);

    [Fact]
    public void the_default_policy_excludes_failed_children()
    {
        Assert.Equal(FailurePolicy.Exclude, new FailureOptions().Policy);
        Assert.Null(new FailureOptions().RewardForUpdate(Child(0, failed: true)));
    }

    [Fact]
    public void a_successful_child_keeps_its_reward_under_either_policy()
    {
        Assert.Equal(0.61, Exclude.RewardForUpdate(Child(0.61, failed: false)));
        Assert.Equal(0.61, Zero.RewardForUpdate(Child(0.61, failed: false)));
    }

    [Fact]
    public void a_failed_child_gets_reward_zero_under_the_zero_policy()
    {
        Assert.Equal(0.0, Zero.RewardForUpdate(Child(0.9, failed: true)));
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    public void a_non_finite_reward_counts_as_failed_never_as_a_number(double reward)
    {
        Assert.Null(Exclude.RewardForUpdate(Child(reward, failed: false)));
        Assert.Equal(0.0, Zero.RewardForUpdate(Child(reward, failed: false)));
    }

    [Fact]
    public void a_non_finite_log_probability_is_left_out_even_under_the_zero_policy()
    {
        Assert.Null(Zero.RewardForUpdate(Child(0.5, failed: false, logProbability: double.NegativeInfinity)));
        Assert.Null(Zero.RewardForUpdate(Child(0.5, failed: true, logProbability: double.NaN)));
    }

    [Fact]
    public void a_measured_child_gets_the_mnasnet_reward()
    {
        var reward = ChildReward.Measured(new RewardSpec(), 0.75, 150);

        Assert.False(reward.Failed);
        Assert.Equal(0.714478498532953, reward.Reward, 12);
    }

    [Theory]
    [InlineData(double.NaN, 50.0)]
    [InlineData(0.7, double.NaN)]
    [InlineData(0.7, 0.0)]
    [InlineData(0.7, -3.0)]
    [InlineData(double.PositiveInfinity, 50.0)]
    [InlineData(0.7, double.PositiveInfinity)]
    public void a_measurement_that_cannot_give_a_finite_reward_is_a_failure_with_reward_zero(double accuracy, double latency)
    {
        var reward = ChildReward.Measured(new RewardSpec(), accuracy, latency);

        Assert.True(reward.Failed);
        Assert.Equal(0.0, reward.Reward);
    }

    [Fact]
    public void an_undefined_policy_is_named_by_the_validator()
    {
        var problems = new FailureOptionsValidator("failure.").Validate(new FailureOptions { Policy = (FailurePolicy)7 });

        var problem = Assert.Single(problems);
        Assert.Equal("failure.policy", problem.Path);
        Assert.Equal("must be one of Exclude, Zero (got 7)", problem.Message);
    }
}
