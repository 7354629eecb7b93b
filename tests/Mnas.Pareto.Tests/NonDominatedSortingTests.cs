using Mnas.Pareto.Front;
using Mnas.Pareto.Objectives;
using Mnas.Pareto.Points;
using static Mnas.Pareto.Tests.TestPoints;

namespace Mnas.Pareto.Tests;

public class NonDominatedSortingTests
{
    private static readonly ParetoObjectives Objectives = ParetoObjectives.Default;

    // Rank 0: C (3) 10 ms, A (1) 20 ms, B (2) 60 ms. Rank 1: D (4) 40 % at 30 ms (below A only),
    // E (5) 75 % at 80 ms (below B only). Rank 2: F (6) 20 % at 90 ms, below D (and A, B, C, E).
    private static readonly ParetoPoint[] Campaign =
        [P(6, 0.2, 90), P(1, 0.5, 20), P(2, 0.75, 60), P(3, 0.25, 10), P(4, 0.4, 30), P(5, 0.75, 80)];

    [Fact]
    public void ranks_peel_the_fronts_one_after_another()
    {
        var fronts = NonDominatedSorting.Rank(Campaign, Objectives);
        Assert.Equal(3, fronts.Count);
        Assert.Equal([3L, 1L, 2L], Ids(fronts[0]));
        Assert.Equal([4L, 5L], Ids(fronts[1]));
        Assert.Equal([6L], Ids(fronts[2]));
    }

    [Fact]
    public void rank_zero_is_the_front()
    {
        Assert.Equal(Ids(ParetoFront.Of(Campaign, Objectives)), Ids(NonDominatedSorting.Rank(Campaign, Objectives)[0]));
    }

    [Fact]
    public void ranks_by_id_give_each_point_its_rank()
    {
        var ranks = NonDominatedSorting.RanksById(Campaign, Objectives);
        Assert.Equal(
            new Dictionary<long, int> { [1] = 0, [2] = 0, [3] = 0, [4] = 1, [5] = 1, [6] = 2 },
            ranks.OrderBy(r => r.Key).ToDictionary());
    }

    [Fact]
    public void a_point_takes_the_rank_after_its_highest_ranked_dominator()
    {
        // G (7) 10 % at 95 ms is below F (rank 2) and also below A (rank 0): it takes rank 3.
        var fronts = NonDominatedSorting.Rank([.. Campaign, P(7, 0.1, 95)], Objectives);
        Assert.Equal([7L], Ids(fronts[3]));
    }

    [Fact]
    public void a_twin_ranks_below_its_lower_id_twin_and_pushes_what_it_beats_one_rank_further()
    {
        // 10 equals 1 exactly, so it counts as beaten by 1; D (4) is beaten by both: chain 1 → 10 → 4.
        var fronts = NonDominatedSorting.Rank([P(4, 0.4, 30), P(10, 0.5, 20), P(1, 0.5, 20)], Objectives);
        Assert.Equal([[1L], [10L], [4L]], fronts.Select(Ids));
    }

    [Fact]
    public void no_points_give_no_fronts()
    {
        Assert.Empty(NonDominatedSorting.Rank([], Objectives));
    }
}
