using Mnas.Pareto.Objectives;

namespace Mnas.Pareto.Points;

/// <summary>
/// The reference point of a hypervolume: for each objective the worst value still worth
/// counting — a lower bound for maximised objectives (accuracy 0, say), an upper bound for
/// minimised ones (a latency budget). Values follow <see cref="ParetoObjectives"/> order.
/// </summary>
public sealed class ParetoReference
{
    private readonly double[] values;

    public ParetoReference(IReadOnlyList<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        for (var i = 0; i < values.Count; i++)
        {
            if (!double.IsFinite(values[i]))
            {
                throw new ArgumentException($"reference value {i} must be finite (got {values[i].ToString(System.Globalization.CultureInfo.InvariantCulture)})", nameof(values));
            }
        }

        this.values = values.ToArray();
    }

    public IReadOnlyList<double> Values => values;

    public double this[int objective] => values[objective];

    /// <summary>
    /// The reference for <paramref name="objectives"/> by name; a bound for peak memory,
    /// parameters or multiply-adds is required exactly when that objective is selected.
    /// </summary>
    public static ParetoReference For(
        ParetoObjectives objectives, double accuracy, double latencyMs, double? peakMemoryBytes = null, double? parameters = null, double? macs = null)
    {
        ArgumentNullException.ThrowIfNull(objectives);
        var values = new List<double> { accuracy, latencyMs };
        AddBound(values, objectives.IncludesMemory, peakMemoryBytes, nameof(peakMemoryBytes), Objective.PeakMemoryBytes);
        AddBound(values, objectives.IncludesParams, parameters, nameof(parameters), Objective.Params);
        AddBound(values, objectives.IncludesMacs, macs, nameof(macs), Objective.Macs);
        return new ParetoReference(values);
    }

    private static void AddBound(List<double> values, bool selected, double? bound, string parameter, Objective objective)
    {
        if (selected && bound is null)
        {
            throw new ArgumentException($"the objectives include {objective.Name}, so its reference bound is required", parameter);
        }

        if (!selected && bound is not null)
        {
            throw new ArgumentException($"the objectives do not include {objective.Name}, so it takes no reference bound", parameter);
        }

        if (bound is double value)
        {
            values.Add(value);
        }
    }

    public override string ToString() => string.Join(", ", values.Select(v => v.ToString(System.Globalization.CultureInfo.InvariantCulture)));
}
