using Mnas.Campaigns;
using Mnas.Pareto.Objectives;
using Mnas.Pareto.Points;
using static Mnas.Pareto.Tests.TestPoints;

namespace Mnas.Pareto.Tests;

public class ParetoPointsTests
{
    [Fact]
    public void only_done_children_with_metrics_become_points()
    {
        var children = new[]
        {
            Child(1, ChildStatus.Done, Metrics(0.5, 20)),
            Child(2, ChildStatus.Failed, Metrics(0.9, 5)),
            Child(3, ChildStatus.Training, null),
            Child(4, ChildStatus.Measured, Metrics(0.8, 8)),
            Child(5, ChildStatus.Done, null),
            Child(6, ChildStatus.Done, Metrics(0.75, 60), "b0.kernel=5"),
        };
        var points = ParetoPoints.FromChildren(children, ParetoObjectives.Default);
        Assert.Equal([1L, 6L], Ids(points));
        Assert.Equal([0.75, 60.0], points[1].Values);
        Assert.Equal("b0.kernel=5", points[1].Architecture);
    }

    [Fact]
    public void values_follow_the_objective_order()
    {
        var children = new[] { Child(9, ChildStatus.Done, Metrics(0.5, 20, parameters: 3_000_000, peakBytes: 2_048)) };
        var points = ParetoPoints.FromChildren(children, ParetoObjectives.Default.WithParams().WithMemory());
        Assert.Equal([0.5, 20.0, 2_048.0, 3_000_000.0], points.Single().Values);
    }

    [Fact]
    public void a_done_child_with_a_nan_accuracy_is_left_out()
    {
        var children = new[] { Child(1, ChildStatus.Done, Metrics(double.NaN, 20)), Child(2, ChildStatus.Done, Metrics(0.5, 20)) };
        Assert.Equal([2L], Ids(ParetoPoints.FromChildren(children, ParetoObjectives.Default)));
    }

    [Fact]
    public void two_children_with_one_sequence_are_refused()
    {
        var children = new[] { Child(3, ChildStatus.Done, Metrics(0.5, 20)), Child(3, ChildStatus.Done, Metrics(0.6, 30)) };
        var error = Assert.Throws<ArgumentException>(() => ParetoPoints.FromChildren(children, ParetoObjectives.Default));
        Assert.StartsWith("point id 3 appears more than once", error.Message);
    }

    [Fact]
    public void a_point_refuses_a_non_finite_value()
    {
        var error = Assert.Throws<ArgumentException>(() => P(7, 0.5, double.PositiveInfinity));
        Assert.StartsWith("point 7: value 1 must be finite (got Infinity)", error.Message);
    }
}
