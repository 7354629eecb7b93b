using Mnas.Costs.Memory;
using Mnas.Strategies.Rewards;

namespace Mnas.Strategies.Tests.Rewards;

/// <summary>
/// MemNAS's y = λ·(a − a_b)/a_b − (1 − λ)·[(r − r_b)/r_b + (p − p_b)/p_b] (r the peak activation bytes, p the parameter
/// bytes), on numbers worked out by hand.
/// </summary>
public class MemoryEfficiencyTests
{
    private static readonly MemoryFootprint Base = new(ParamBytes: 1_000, PeakActivationBytes: 4_000);

    [Fact]
    public void a_more_accurate_and_smaller_network_scores_its_weighted_gains()
    {
        // a: 0.5 · (0.9 − 0.8)/0.8 = 0.0625; r: (3000 − 4000)/4000 = −0.25; p: (500 − 1000)/1000 = −0.5;
        // y = 0.0625 − 0.5 · (−0.75) = 0.4375.
        var smaller = new MemoryFootprint(ParamBytes: 500, PeakActivationBytes: 3_000);

        Assert.Equal(-0.75, MemoryEfficiency.MemoryChange(smaller, Base), 12);
        Assert.Equal(0.4375, MemoryEfficiency.Of(0.5, 0.9, smaller, 0.8, Base), 12);
    }

    [Fact]
    public void a_less_accurate_and_larger_network_scores_below_zero()
    {
        // a: 0.8 · (0.7 − 0.8)/0.8 = −0.1; r: (6000 − 4000)/4000 = 0.5; p: (1500 − 1000)/1000 = 0.5;
        // y = −0.1 − 0.2 · 1.0 = −0.3.
        var larger = new MemoryFootprint(ParamBytes: 1_500, PeakActivationBytes: 6_000);

        Assert.Equal(-0.3, MemoryEfficiency.Of(0.8, 0.7, larger, 0.8, Base), 12);
    }

    [Fact]
    public void lambda_one_is_the_relative_accuracy_gain_alone()
    {
        // (0.9 − 0.8)/0.8 = 0.125 whatever the memory.
        foreach (var memory in new[] { Base, new MemoryFootprint(10, 10), new MemoryFootprint(1_000_000, 9_000_000) })
        {
            Assert.Equal(0.125, MemoryEfficiency.Of(1, 0.9, memory, 0.8, Base), 12);
        }
    }

    [Fact]
    public void lambda_zero_is_the_relative_memory_saving_alone()
    {
        // −[(3000 − 4000)/4000 + (500 − 1000)/1000] = 0.75 whatever the accuracy.
        var smaller = new MemoryFootprint(ParamBytes: 500, PeakActivationBytes: 3_000);
        foreach (var accuracy in new[] { 0.1, 0.8, 0.99 })
        {
            Assert.Equal(0.75, MemoryEfficiency.Of(0, accuracy, smaller, 0.8, Base), 12);
        }
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(0.5)]
    [InlineData(1.0)]
    public void the_base_against_itself_scores_zero(double lambda)
    {
        Assert.Equal(0, MemoryEfficiency.Of(lambda, 0.8, Base with { }, 0.8, Base), 15);
    }

    [Fact]
    public void a_base_of_zero_accuracy_or_zero_memory_gives_no_finite_value()
    {
        Assert.False(double.IsFinite(MemoryEfficiency.Of(0.5, 0.9, Base, 0, Base)));
        Assert.False(double.IsFinite(MemoryEfficiency.Of(0.5, 0.8, Base, 0.8, Base with { PeakActivationBytes = 0 })));
        Assert.False(double.IsFinite(MemoryEfficiency.Of(0.5, 0.8, Base, 0.8, Base with { ParamBytes = 0 })));
        Assert.False(double.IsFinite(MemoryEfficiency.Of(0.5, 0.8, new MemoryFootprint(0, 0), 0.8, new MemoryFootprint(0, 0))));
    }
}
