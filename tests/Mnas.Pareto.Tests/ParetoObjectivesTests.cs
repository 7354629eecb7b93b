using Mnas.Pareto.Objectives;

namespace Mnas.Pareto.Tests;

public class ParetoObjectivesTests
{
    [Fact]
    public void the_default_trades_accuracy_against_latency()
    {
        var objectives = ParetoObjectives.Default;
        Assert.Equal(["accuracy", "latency_ms"], objectives.All.Select(o => o.Name));
        Assert.Equal([ObjectiveDirection.Maximize, ObjectiveDirection.Minimize], objectives.All.Select(o => o.Direction));
        Assert.Equal(2, objectives.Count);
    }

    [Fact]
    public void memory_and_params_follow_in_a_fixed_order_whatever_order_they_are_added_in()
    {
        var memoryFirst = ParetoObjectives.Default.WithMemory().WithParams();
        var paramsFirst = ParetoObjectives.Default.WithParams().WithMemory();
        Assert.Equal(memoryFirst, paramsFirst);
        Assert.Equal(["accuracy", "latency_ms", "peak_memory_bytes", "params"], paramsFirst.All.Select(o => o.Name));
        Assert.Equal(4, paramsFirst.Count);
        Assert.Equal(3, paramsFirst.IndexOf(Objective.Params));
    }

    [Fact]
    public void params_alone_take_the_third_place()
    {
        var objectives = ParetoObjectives.Default.WithParams();
        Assert.Equal(["accuracy", "latency_ms", "params"], objectives.All.Select(o => o.Name));
        Assert.Equal(-1, objectives.IndexOf(Objective.PeakMemoryBytes));
        Assert.Equal("accuracy × latency_ms × params", objectives.ToString());
    }

    [Fact]
    public void adding_an_objective_leaves_the_default_unchanged()
    {
        _ = ParetoObjectives.Default.WithMemory();
        Assert.Equal(2, ParetoObjectives.Default.Count);
        Assert.False(ParetoObjectives.Default.IncludesMemory);
    }

    [Fact]
    public void each_objective_reads_its_own_metric()
    {
        var metrics = TestPoints.Metrics(accuracy: 0.75, latencyMs: 12.5, parameters: 3_504_872, peakBytes: 9_633_792);
        Assert.Equal(0.75, Objective.Accuracy.Read(metrics));
        Assert.Equal(12.5, Objective.LatencyMs.Read(metrics));
        Assert.Equal(9_633_792, Objective.PeakMemoryBytes.Read(metrics));
        Assert.Equal(3_504_872, Objective.Params.Read(metrics));
    }
}
