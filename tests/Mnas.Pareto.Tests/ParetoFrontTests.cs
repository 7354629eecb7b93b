using Mnas.Pareto.Front;
using Mnas.Pareto.Objectives;
using Mnas.Pareto.Points;
using static Mnas.Pareto.Tests.TestPoints;

namespace Mnas.Pareto.Tests;

public class ParetoFrontTests
{
    private static readonly ParetoObjectives Objectives = ParetoObjectives.Default;

    // A (1): 50 % at 20 ms, B (2): 75 % at 60 ms, C (3): 25 % at 10 ms are trade-offs;
    // D (4): 40 % at 30 ms loses to A; E (5): 75 % at 80 ms loses to B (same accuracy, slower).
    private static readonly ParetoPoint[] Campaign =
        [P(1, 0.5, 20), P(2, 0.75, 60), P(3, 0.25, 10), P(4, 0.4, 30), P(5, 0.75, 80)];

    [Fact]
    public void the_front_keeps_the_trade_offs_fastest_first()
    {
        Assert.Equal([3L, 1L, 2L], Ids(ParetoFront.Of(Campaign, Objectives)));
    }

    [Fact]
    public void input_order_does_not_change_the_front()
    {
        var reversed = Campaign.Reverse().ToArray();
        Assert.Equal([3L, 1L, 2L], Ids(ParetoFront.Of(reversed, Objectives)));
    }

    [Fact]
    public void of_exact_duplicates_only_the_lowest_id_is_kept()
    {
        ParetoPoint[] points = [P(9, 0.5, 20), P(4, 0.5, 20), P(7, 0.5, 20), P(2, 0.75, 60)];
        Assert.Equal([4L, 2L], Ids(ParetoFront.Of(points, Objectives)));
        Assert.Equal([4L, 2L], Ids(ParetoFront.Of(points.Reverse().ToArray(), Objectives)));
    }

    [Fact]
    public void equal_latencies_on_the_front_are_ordered_by_id()
    {
        // 5 and 8 share a latency and trade accuracy against memory: both stay, id 5 before id 8.
        ParetoPoint[] points = [P(8, 0.5, 20, 1_000), P(5, 0.6, 20, 2_000), P(6, 0.4, 10, 3_000)];
        Assert.Equal([6L, 5L, 8L], Ids(ParetoFront.Of(points, Objectives.WithMemory())));
    }

    [Fact]
    public void an_empty_set_has_an_empty_front()
    {
        Assert.Empty(ParetoFront.Of([], Objectives));
    }

    [Fact]
    public void a_point_with_the_wrong_number_of_values_is_refused()
    {
        var error = Assert.Throws<ArgumentException>(() => ParetoFront.Of([P(1, 0.5, 20, 7)], Objectives));
        Assert.StartsWith("point 1 has 3 values but the objectives are accuracy × latency_ms (2)", error.Message);
    }
}
