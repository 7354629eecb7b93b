using Mnas.Pareto.Indicators;
using Mnas.Pareto.Objectives;
using Mnas.Pareto.Points;
using static Mnas.Pareto.Tests.TestPoints;

namespace Mnas.Pareto.Tests;

public class HypervolumeManyObjectivesTests
{
    private static readonly ParetoObjectives ThreeObjectives = ParetoObjectives.Default.WithMemory();
    private static readonly ParetoObjectives FourObjectives = ParetoObjectives.Default.WithMemory().WithParams();

    // Accuracy × latency × memory against accuracy 0, latency 10, memory 10.
    private static readonly ParetoReference Reference3 = ParetoReference.For(ThreeObjectives, 0, 10, peakMemoryBytes: 10);

    [Fact]
    public void two_overlapping_boxes_in_three_objectives_count_their_overlap_once()
    {
        // P1 (4, 2, 6): 4 × 8 × 4 = 128. P2 (2, 5, 1): 2 × 5 × 9 = 90.
        // Overlap: accuracy to 2, latency 5–10, memory 6–10: 2 × 5 × 4 = 40. Union: 178.
        Assert.Equal(178, Hypervolume.Of([P(1, 4, 2, 6), P(2, 2, 5, 1)], ThreeObjectives, Reference3));
    }

    [Fact]
    public void in_three_objectives_a_dominated_point_adds_nothing_and_order_does_not_matter()
    {
        // P3 (3, 3, 7) is inside P1's box.
        ParetoPoint[] points = [P(1, 4, 2, 6), P(2, 2, 5, 1), P(3, 3, 3, 7)];
        foreach (var order in Hypervolume2DTests.Permutations(points))
        {
            Assert.Equal(178, Hypervolume.Of(order, ThreeObjectives, Reference3));
        }
    }

    [Fact]
    public void in_three_objectives_a_point_level_with_the_reference_in_one_objective_adds_nothing()
    {
        Assert.Equal(128, Hypervolume.Of([P(1, 4, 2, 6), P(2, 9, 1, 10)], ThreeObjectives, Reference3));
    }

    [Fact]
    public void two_overlapping_boxes_in_four_objectives_count_their_overlap_once()
    {
        // Q1 (4, 2, 6, 5): 4 × 8 × 4 × 5 = 640. Q2 (2, 5, 1, 3): 2 × 5 × 9 × 7 = 630.
        // Overlap: 2 × 5 × 4 × 5 = 200. Union: 1070.
        var reference = ParetoReference.For(FourObjectives, 0, 10, peakMemoryBytes: 10, parameters: 10);
        Assert.Equal(1070, Hypervolume.Of([P(1, 4, 2, 6, 5), P(2, 2, 5, 1, 3)], FourObjectives, reference));
    }

    [Fact]
    public void the_105_point_simplex_in_three_objectives_covers_2289_cells_within_a_second()
    {
        // Integer x + y + z = 13 (105 points) against (14, 14, 14), accuracy being 14 − x against
        // 0. A unit cell at corner c is covered when some point is ≤ c, i.e. when c's sum is ≥ 13:
        // all 14³ = 2744 cells but the C(15, 3) = 455 whose sum is ≤ 12, so 2289.
        var points = Simplex(13, 3).Select((v, i) => P(i, [14 - v[0], v[1], v[2]])).ToArray();
        Assert.Equal(105, points.Length);
        var reference = ParetoReference.For(ThreeObjectives, 0, 14, peakMemoryBytes: 14);
        var volume = Hypervolume.Of(points, ThreeObjectives, reference);
        Assert.Equal(2289, volume);
    }

    [Fact]
    public void points_inside_the_simplex_staircase_add_nothing()
    {
        // The 120 integer points with x + y + z = 14 each lie above one with sum 13.
        var front = Simplex(13, 3).Select(v => (double[])[14 - v[0], v[1], v[2]]);
        var inside = Simplex(14, 3).Select(v => (double[])[14 - v[0], v[1], v[2]]);
        var points = front.Concat(inside).Select((v, i) => P(i, v)).ToArray();
        var reference = ParetoReference.For(ThreeObjectives, 0, 14, peakMemoryBytes: 14);
        Assert.Equal(2289, Hypervolume.Of(points, ThreeObjectives, reference));
    }

    [Fact]
    public void the_56_point_simplex_in_four_objectives_covers_1226_cells()
    {
        // Integer x + y + z + w = 5 (56 points) against 6 in each: 6⁴ = 1296 cells less the
        // C(8, 4) = 70 whose sum is ≤ 4.
        var points = Simplex(5, 4).Select((v, i) => P(i, [6 - v[0], v[1], v[2], v[3]])).ToArray();
        Assert.Equal(56, points.Length);
        var reference = ParetoReference.For(FourObjectives, 0, 6, peakMemoryBytes: 6, parameters: 6);
        Assert.Equal(1226, Hypervolume.Of(points, FourObjectives, reference));
    }

    /// <summary>Every vector of <paramref name="dimensions"/> non-negative integers summing to <paramref name="sum"/>.</summary>
    private static IEnumerable<int[]> Simplex(int sum, int dimensions)
    {
        if (dimensions == 1)
        {
            yield return [sum];
            yield break;
        }

        for (var first = 0; first <= sum; first++)
        {
            foreach (var rest in Simplex(sum - first, dimensions - 1))
            {
                yield return [first, .. rest];
            }
        }
    }
}
