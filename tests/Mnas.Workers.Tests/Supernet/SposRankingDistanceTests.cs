using Mnas.Workers.Supernet;

namespace Mnas.Workers.Tests.Supernet;

public class SposRankingDistanceTests
{
    private static readonly double[][] Ascending = [[1, 2, 3, 4], [0.5, 0.25, 0.75, 1]];

    [Fact]
    public void identical_rankings_are_0_apart_even_when_the_scores_differ()
    {
        double[][] scaled = [[10, 20, 30, 40], [5, 2.5, 7.5, 10]];

        Assert.Equal(0.0, RankingDistance.Between(Ascending, scaled, (_, _) => true));
    }

    [Fact]
    public void reversed_rankings_are_1_apart()
    {
        double[][] reversed = [[4, 3, 2, 1], [0.5, 0.75, 0.25, 0]];

        Assert.Equal(1.0, RankingDistance.Between(Ascending, reversed, (_, _) => true));
    }

    [Fact]
    public void one_swapped_pair_of_six_at_one_of_two_positions_is_a_twelfth()
    {
        double[][] swapped = [[2, 1, 3, 4], [0.5, 0.25, 0.75, 1]];

        Assert.Equal(1.0 / 12, RankingDistance.Between(Ascending, swapped, (_, _) => true), 12);
    }

    [Fact]
    public void a_pair_tied_on_one_side_only_counts_half_and_unoffered_candidates_are_not_ranked()
    {
        double[][] before = [[1, 2, 0]];
        double[][] tied = [[2, 2, 9]];

        Assert.Equal(0.5, RankingDistance.Between(before, tied, (_, c) => c < 2));
        Assert.Equal(0.0, RankingDistance.Between(tied, tied, (_, _) => true));
    }
}
