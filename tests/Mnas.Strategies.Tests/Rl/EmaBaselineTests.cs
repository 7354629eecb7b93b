using Mnas.Strategies.Rl;

namespace Mnas.Strategies.Tests.Rl;

public class EmaBaselineTests
{
    [Fact]
    public void the_baseline_starts_at_the_first_reward_then_moves_five_percent_towards_each_new_one()
    {
        var baseline = new EmaBaseline(0.95);
        Assert.Null(baseline.Value);

        // 0.5; 0.95·0.5 + 0.05·0.7 = 0.51; 0.95·0.51 + 0.05·0.3 = 0.4995; 0.95·0.4995 + 0.05·1.0 = 0.524525
        Assert.Equal(0.5, baseline.Update(0.5), 15);
        Assert.Equal(0.51, baseline.Update(0.7), 15);
        Assert.Equal(0.4995, baseline.Update(0.3), 15);
        Assert.Equal(0.524525, baseline.Update(1.0), 15);
        Assert.Equal(0.524525, baseline.Value!.Value, 15);
    }

    [Fact]
    public void a_non_finite_reward_or_a_decay_outside_zero_to_one_is_refused()
    {
        var baseline = new EmaBaseline(0.95, 0.4);

        Assert.Throws<ArgumentOutOfRangeException>(() => baseline.Update(double.NaN));
        Assert.Equal(0.4, baseline.Value);
        Assert.Throws<ArgumentOutOfRangeException>(() => new EmaBaseline(1.0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new EmaBaseline(-0.1));
    }
}
