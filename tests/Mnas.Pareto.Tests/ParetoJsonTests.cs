using System.Text.Json;
using Mnas.Pareto.Export;
using Mnas.Pareto.Objectives;
using Mnas.Pareto.Points;
using static Mnas.Pareto.Tests.TestPoints;

namespace Mnas.Pareto.Tests;

public class ParetoJsonTests
{
    private static readonly ParetoObjectives Objectives = ParetoObjectives.Default;
    private static readonly ParetoReference Reference = ParetoReference.For(Objectives, accuracy: 0, latencyMs: 100);

    private static JsonElement Export() =>
        JsonDocument.Parse(ParetoJson.Write([P(3, 0.25, 10), P(1, 0.5, 20, "b0.kernel=3, \"x\""), P(2, 0.75, 60)], Objectives, Reference)).RootElement;

    [Fact]
    public void the_wrapper_holds_the_objectives_the_reference_and_the_hypervolume()
    {
        var root = Export();
        Assert.Equal(["objectives", "reference", "hypervolume", "points"], root.EnumerateObject().Select(p => p.Name));
        Assert.Equal(
            ["accuracy:maximize", "latency_ms:minimize"],
            root.GetProperty("objectives").EnumerateArray().Select(o => $"{o.GetProperty("name").GetString()}:{o.GetProperty("direction").GetString()}"));
        Assert.Equal(0, root.GetProperty("reference").GetProperty("accuracy").GetDouble());
        Assert.Equal(100, root.GetProperty("reference").GetProperty("latency_ms").GetDouble());
        // The staircase 2.5 + 20 + 30 of the three points.
        Assert.Equal(52.5, root.GetProperty("hypervolume").GetDouble());
    }

    [Fact]
    public void points_are_objects_in_the_order_given_with_architecture_only_when_known()
    {
        var points = Export().GetProperty("points").EnumerateArray().ToArray();
        Assert.Equal([3L, 1L, 2L], points.Select(p => p.GetProperty("id").GetInt64()));
        Assert.Equal([0.25, 0.5, 0.75], points.Select(p => p.GetProperty("accuracy").GetDouble()));
        Assert.Equal([10.0, 20.0, 60.0], points.Select(p => p.GetProperty("latency_ms").GetDouble()));
        Assert.Equal("b0.kernel=3, \"x\"", points[1].GetProperty("architecture").GetString());
        Assert.False(points[0].TryGetProperty("architecture", out _));
    }

    [Fact]
    public void extra_objectives_appear_in_the_reference_and_in_each_point()
    {
        var objectives = Objectives.WithMemory();
        var reference = ParetoReference.For(objectives, 0, 10, peakMemoryBytes: 10);
        var root = JsonDocument.Parse(ParetoJson.Write([P(1, 4, 2, 6), P(2, 2, 5, 1)], objectives, reference)).RootElement;
        Assert.Equal(10, root.GetProperty("reference").GetProperty("peak_memory_bytes").GetDouble());
        Assert.Equal([6.0, 1.0], root.GetProperty("points").EnumerateArray().Select(p => p.GetProperty("peak_memory_bytes").GetDouble()));
        Assert.Equal(178, root.GetProperty("hypervolume").GetDouble());
    }
}
