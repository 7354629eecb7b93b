namespace Mnas.Pareto.Objectives;

/// <summary>
/// The objectives a front is taken over, always in the order accuracy, latency, then peak memory,
/// parameters and multiply-adds when selected (whatever order <see cref="WithMemory"/>,
/// <see cref="WithParams"/> and <see cref="WithMacs"/> are called in). A point's values follow this order.
/// </summary>
public sealed record ParetoObjectives
{
    private ParetoObjectives()
    {
    }

    /// <summary>Accuracy × latency.</summary>
    public static ParetoObjectives Default { get; } = new();

    public bool IncludesMemory { get; private init; }

    public bool IncludesParams { get; private init; }

    public bool IncludesMacs { get; private init; }

    public IReadOnlyList<Objective> All
    {
        get
        {
            var all = new List<Objective> { Objective.Accuracy, Objective.LatencyMs };
            if (IncludesMemory)
            {
                all.Add(Objective.PeakMemoryBytes);
            }

            if (IncludesParams)
            {
                all.Add(Objective.Params);
            }

            if (IncludesMacs)
            {
                all.Add(Objective.Macs);
            }

            return all;
        }
    }

    public int Count => 2 + (IncludesMemory ? 1 : 0) + (IncludesParams ? 1 : 0) + (IncludesMacs ? 1 : 0);

    /// <summary>The position of <paramref name="objective"/> in a point's values, or -1 when not selected.</summary>
    public int IndexOf(Objective objective) => All.ToList().IndexOf(objective);

    /// <summary>These objectives plus peak activation memory (minimised).</summary>
    public ParetoObjectives WithMemory() => this with { IncludesMemory = true };

    /// <summary>These objectives plus the parameter count (minimised).</summary>
    public ParetoObjectives WithParams() => this with { IncludesParams = true };

    /// <summary>These objectives plus multiply-adds (minimised).</summary>
    public ParetoObjectives WithMacs() => this with { IncludesMacs = true };

    public override string ToString() => string.Join(" × ", All.Select(o => o.Name));
}
