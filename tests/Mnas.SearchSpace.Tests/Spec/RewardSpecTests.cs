using Mnas.SearchSpace.Spec;

namespace Mnas.SearchSpace.Tests.Spec;

public class RewardSpecTests
{
    [Fact]
    public void a_child_at_the_target_latency_is_rewarded_its_accuracy()
    {
        Assert.Equal(0.8, new RewardSpec().Reward(0.8, 75), 12);
    }

    [Fact]
    public void doubling_latency_costs_about_five_percent_under_the_soft_constraint()
    {
        // 0.8 · 2^−0.07
        Assert.Equal(0.762110398, new RewardSpec().Reward(0.8, 150), 9);
    }

    [Fact]
    public void a_faster_child_gains_under_the_soft_constraint()
    {
        // 0.8 · (50/75)^−0.07
        Assert.Equal(0.823031344, new RewardSpec().Reward(0.8, 50), 9);
    }

    [Fact]
    public void the_hard_constraint_ignores_speed_below_the_target_and_divides_above_it()
    {
        var hard = new RewardSpec { Alpha = 0, Beta = -1 };

        Assert.Equal(0.8, hard.Reward(0.8, 50), 12);
        Assert.Equal(0.4, hard.Reward(0.8, 150), 12);
    }
}
