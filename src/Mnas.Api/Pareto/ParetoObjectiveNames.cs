using Mnas.Pareto.Objectives;

namespace Mnas.Api.Pareto;

/// <summary>
/// The <c>objectives</c> parameter of the Pareto endpoint: names as the children list writes metrics, turned into the
/// Pareto library's objectives, which always trade accuracy against latency and may add the others.
/// </summary>
public static class ParetoObjectiveNames
{
    public const string Default = "accuracy,latency_ms";

    private static readonly string[] Known = ["accuracy", "latency_ms", "peak_activation_bytes", "params", "macs"];

    /// <summary>The objectives and their names in the library's order, or why <paramref name="text"/> names none.</summary>
    public static (ParetoObjectives? Objectives, IReadOnlyList<string> Names, string? Error) Parse(string? text)
    {
        var names = (text ?? Default).Split(',', StringSplitOptions.TrimEntries);
        var unknown = names.Where(n => !Known.Contains(n, StringComparer.Ordinal)).ToList();
        if (unknown.Count > 0)
        {
            return (null, [], $"unknown objective{(unknown.Count > 1 ? "s" : "")} {string.Join(", ", unknown.Select(n => $"'{n}'"))}: " +
                $"choose from {string.Join(", ", Known)}");
        }

        if (!names.Contains("accuracy") || !names.Contains("latency_ms"))
        {
            return (null, [], "must include accuracy and latency_ms (a front always trades accuracy against latency); " +
                "peak_activation_bytes, params and macs may be added");
        }

        var objectives = ParetoObjectives.Default;
        if (names.Contains("peak_activation_bytes"))
        {
            objectives = objectives.WithMemory();
        }

        if (names.Contains("params"))
        {
            objectives = objectives.WithParams();
        }

        if (names.Contains("macs"))
        {
            objectives = objectives.WithMacs();
        }

        return (objectives, Known.Where(names.Contains).ToList(), null);
    }
}
