using Mnas.Pareto.Front;
using Mnas.Pareto.Objectives;
using static Mnas.Pareto.Tests.TestPoints;

namespace Mnas.Pareto.Tests;

public class DominanceTests
{
    private static readonly ParetoObjectives Objectives = ParetoObjectives.Default;

    [Fact]
    public void more_accurate_and_faster_dominates()
    {
        Assert.True(Dominance.Dominates(P(1, 0.5, 20), P(2, 0.4, 30), Objectives));
        Assert.False(Dominance.Dominates(P(2, 0.4, 30), P(1, 0.5, 20), Objectives));
    }

    [Fact]
    public void equal_accuracy_and_strictly_faster_is_enough()
    {
        Assert.True(Dominance.Dominates(P(1, 0.75, 60), P(2, 0.75, 80), Objectives));
    }

    [Fact]
    public void a_trade_off_dominates_neither_way()
    {
        Assert.False(Dominance.Dominates(P(1, 0.5, 20), P(2, 0.75, 60), Objectives));
        Assert.False(Dominance.Dominates(P(2, 0.75, 60), P(1, 0.5, 20), Objectives));
    }

    [Fact]
    public void equal_points_dominate_neither_way()
    {
        Assert.False(Dominance.Dominates(P(1, 0.5, 20), P(2, 0.5, 20), Objectives));
        Assert.False(Dominance.Dominates(P(2, 0.5, 20), P(1, 0.5, 20), Objectives));
    }

    [Fact]
    public void a_third_objective_can_break_dominance()
    {
        // Better accuracy and latency, but four times the memory.
        var objectives = Objectives.WithMemory();
        Assert.False(Dominance.Dominates(P(1, 0.5, 20, 4_000), P(2, 0.4, 30, 1_000), objectives));
    }
}
