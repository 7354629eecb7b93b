using Mnas.Strategies.Statistics;

namespace Mnas.Strategies.Tests.Statistics;

public sealed class KendallTauTests
{
    [Fact]
    public void without_ties_it_is_concordant_minus_discordant_pairs_over_all_pairs()
    {
        // y's pairs: 6 in x's order, 4 against it, of 10.
        Assert.Equal(0.2, KendallTau.TauB([1, 2, 3, 4, 5], [3, 4, 1, 2, 5]), 12);
    }

    [Fact]
    public void ties_leave_their_pairs_out_of_the_count_and_shrink_the_denominator_as_tau_b_does()
    {
        // The tied example of the usual statistics libraries' documentation: 2 concordant, 6 discordant, 2 pairs tied in x
        // and 1 in y of 10: −4 / √(8 · 9).
        Assert.Equal(-0.47140452079103173, KendallTau.TauB([12, 2, 1, 12, 2], [1, 4, 7, 1, 0]), 12);
    }

    [Fact]
    public void the_same_order_is_one_and_the_reverse_minus_one_whatever_the_scale()
    {
        double[] x = [0.81, 0.84, 0.79, 0.86];
        Assert.Equal(1.0, KendallTau.TauB(x, x.Select(v => Math.Exp(10 * v)).ToArray()), 12);
        Assert.Equal(-1.0, KendallTau.TauB(x, x.Select(v => -v).ToArray()), 12);
    }

    [Fact]
    public void a_constant_sample_has_no_rank_correlation()
    {
        Assert.True(double.IsNaN(KendallTau.TauB([1, 2, 3], [5, 5, 5])));
        Assert.True(double.IsNaN(KendallTau.TauB([1], [2])));
    }

    [Fact]
    public void samples_of_different_lengths_are_refused()
    {
        Assert.Throws<ArgumentException>(() => KendallTau.TauB([1, 2, 3], [1, 2]));
    }
}
