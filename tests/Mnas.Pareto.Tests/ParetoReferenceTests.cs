using Mnas.Pareto.Objectives;
using Mnas.Pareto.Points;

namespace Mnas.Pareto.Tests;

public class ParetoReferenceTests
{
    [Fact]
    public void bounds_follow_the_objective_order()
    {
        var reference = ParetoReference.For(ParetoObjectives.Default.WithParams().WithMemory(), 0.1, 50, peakMemoryBytes: 8e6, parameters: 5e6);
        Assert.Equal([0.1, 50, 8e6, 5e6], reference.Values);
    }

    [Fact]
    public void a_selected_objective_needs_its_bound()
    {
        var error = Assert.Throws<ArgumentException>(() => ParetoReference.For(ParetoObjectives.Default.WithMemory(), 0, 100));
        Assert.StartsWith("the objectives include peak_memory_bytes, so its reference bound is required", error.Message);
        Assert.Equal("peakMemoryBytes", error.ParamName);
    }

    [Fact]
    public void an_unselected_objective_takes_no_bound()
    {
        var error = Assert.Throws<ArgumentException>(() => ParetoReference.For(ParetoObjectives.Default, 0, 100, parameters: 5e6));
        Assert.StartsWith("the objectives do not include params, so it takes no reference bound", error.Message);
    }

    [Fact]
    public void a_non_finite_bound_is_refused()
    {
        var error = Assert.Throws<ArgumentException>(() => ParetoReference.For(ParetoObjectives.Default, 0, double.NaN));
        Assert.StartsWith("reference value 1 must be finite (got NaN)", error.Message);
    }
}
