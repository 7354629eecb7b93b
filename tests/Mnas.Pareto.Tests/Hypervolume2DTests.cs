using Mnas.Pareto.Indicators;
using Mnas.Pareto.Objectives;
using Mnas.Pareto.Points;
using static Mnas.Pareto.Tests.TestPoints;

namespace Mnas.Pareto.Tests;

/// <summary>
/// Accuracy × latency against the reference accuracy 0, latency 100 ms: each point spans the
/// rectangle from accuracy 0 to its accuracy and from its latency to 100 ms.
/// </summary>
public class Hypervolume2DTests
{
    private static readonly ParetoObjectives Objectives = ParetoObjectives.Default;
    private static readonly ParetoReference Reference = ParetoReference.For(Objectives, accuracy: 0, latencyMs: 100);

    private static double Volume(params ParetoPoint[] points) => Hypervolume.Of(points, Objectives, Reference);

    [Fact]
    public void one_point_spans_one_rectangle()
    {
        // A: 0.5 wide (accuracy) × 80 ms tall (20 to 100).
        Assert.Equal(40, Volume(P(1, 0.5, 20)));
    }

    [Fact]
    public void two_points_count_their_overlap_once()
    {
        // A: 0.5 × 80 = 40; B (75 %, 60 ms): 0.75 × 40 = 30; overlap 0.5 × 40 = 20 → 50.
        Assert.Equal(50, Volume(P(1, 0.5, 20), P(2, 0.75, 60)));
    }

    [Fact]
    public void three_points_make_a_staircase()
    {
        // By latency: 10–20 ms under C's 25 % = 2.5; 20–60 ms under A's 50 % = 20; 60–100 ms under B's 75 % = 30.
        Assert.Equal(52.5, Volume(P(1, 0.5, 20), P(2, 0.75, 60), P(3, 0.25, 10)));
    }

    [Fact]
    public void a_dominated_point_adds_nothing()
    {
        // D (40 %, 30 ms) lies inside A's rectangle; E (75 %, 80 ms) inside B's.
        Assert.Equal(52.5, Volume(P(1, 0.5, 20), P(2, 0.75, 60), P(3, 0.25, 10), P(4, 0.4, 30), P(5, 0.75, 80)));
    }

    [Fact]
    public void a_duplicate_adds_nothing()
    {
        Assert.Equal(40, Volume(P(1, 0.5, 20), P(2, 0.5, 20)));
    }

    [Fact]
    public void points_not_strictly_better_than_the_reference_add_nothing()
    {
        // At the latency bound, at zero accuracy, past the latency bound, below zero accuracy.
        Assert.Equal(0, Volume(P(1, 0.9, 100), P(2, 0, 5), P(3, 0.9, 150), P(4, -0.1, 5)));
        Assert.Equal(40, Volume(P(1, 0.5, 20), P(3, 0.9, 150)));
    }

    [Fact]
    public void point_order_does_not_matter()
    {
        ParetoPoint[] points = [P(1, 0.5, 20), P(2, 0.75, 60), P(3, 0.25, 10), P(4, 0.4, 30)];
        foreach (var order in Permutations(points))
        {
            Assert.Equal(52.5, Volume(order));
        }
    }

    [Fact]
    public void no_points_have_no_volume()
    {
        Assert.Equal(0, Volume());
    }

    [Fact]
    public void a_reference_with_the_wrong_number_of_values_is_refused()
    {
        var error = Assert.Throws<ArgumentException>(() => Hypervolume.Of([P(1, 0.5, 20)], Objectives, new ParetoReference([0, 100, 5])));
        Assert.StartsWith("the reference has 3 values but the objectives are accuracy × latency_ms (2)", error.Message);
    }

    internal static IEnumerable<ParetoPoint[]> Permutations(ParetoPoint[] points)
    {
        if (points.Length <= 1)
        {
            yield return points;
            yield break;
        }

        for (var i = 0; i < points.Length; i++)
        {
            var rest = points.Where((_, j) => j != i).ToArray();
            foreach (var tail in Permutations(rest))
            {
                yield return [points[i], .. tail];
            }
        }
    }
}
