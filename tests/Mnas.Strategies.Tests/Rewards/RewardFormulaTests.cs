using Mnas.SearchSpace.Spec;

namespace Mnas.Strategies.Tests.Rewards;

/// <summary>RewardSpec.Reward = ACC·(LAT/T)^w, w = α when LAT ≤ T else β; expected values worked out by hand (and in Python).</summary>
public class RewardFormulaTests
{
    private static readonly RewardSpec Soft = new() { LatencyTargetMs = 75, Alpha = -0.07, Beta = -0.07 };
    private static readonly RewardSpec Hard = new() { LatencyTargetMs = 75, Alpha = 0, Beta = -1 };

    [Fact]
    public void soft_constraint_twice_the_target_latency_costs_about_five_percent()
    {
        // 0.75 · 2^−0.07 = 0.75 · 0.952638 = 0.714478
        Assert.Equal(0.714478498532953, Soft.Reward(0.75, 150), 12);
    }

    [Fact]
    public void soft_constraint_half_the_target_latency_earns_about_five_percent()
    {
        // 0.75 · 0.5^−0.07 = 0.75 · 1.049717 = 0.787288
        Assert.Equal(0.7872875127173005, Soft.Reward(0.75, 37.5), 12);
    }

    [Fact]
    public void at_the_target_latency_the_reward_is_the_accuracy()
    {
        Assert.Equal(0.75, Soft.Reward(0.75, 75), 15);
        Assert.Equal(0.75, Hard.Reward(0.75, 75), 15);
    }

    [Fact]
    public void hard_constraint_ignores_latency_under_the_target()
    {
        // α = 0: (50/75)^0 = 1
        Assert.Equal(0.8, Hard.Reward(0.8, 50), 15);
        Assert.Equal(0.8, Hard.Reward(0.8, 1), 15);
    }

    [Fact]
    public void hard_constraint_divides_by_the_overshoot_over_the_target()
    {
        // β = −1: 0.8 · 75/150 = 0.4; 0.8 · 75/100 = 0.6
        Assert.Equal(0.4, Hard.Reward(0.8, 150), 15);
        Assert.Equal(0.6, Hard.Reward(0.8, 100), 14);
    }
}
