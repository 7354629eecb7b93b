using Mnas.Campaigns;

namespace Mnas.Pareto.Objectives;

/// <summary>
/// One measured quantity of a child that a front trades off: its name (as CSV and JSON write it),
/// its direction, and how it is read from <see cref="ChildMetrics"/>. The five instances are the
/// only ones, so reference equality is value equality.
/// </summary>
public sealed class Objective
{
    private readonly Func<ChildMetrics, double> read;

    private Objective(string name, ObjectiveDirection direction, Func<ChildMetrics, double> read)
    {
        Name = name;
        Direction = direction;
        this.read = read;
    }

    /// <summary>Proxy accuracy as a fraction (0–1), maximised.</summary>
    public static Objective Accuracy { get; } = new("accuracy", ObjectiveDirection.Maximize, m => m.Accuracy);

    /// <summary>Measured batch-1 latency in milliseconds, minimised.</summary>
    public static Objective LatencyMs { get; } = new("latency_ms", ObjectiveDirection.Minimize, m => m.LatencyMs);

    /// <summary>Peak activation memory in bytes, minimised.</summary>
    public static Objective PeakMemoryBytes { get; } = new("peak_memory_bytes", ObjectiveDirection.Minimize, m => m.PeakActivationBytes);

    /// <summary>Parameter count, minimised.</summary>
    public static Objective Params { get; } = new("params", ObjectiveDirection.Minimize, m => m.Params);

    /// <summary>Multiply-adds of one forward pass, minimised.</summary>
    public static Objective Macs { get; } = new("macs", ObjectiveDirection.Minimize, m => m.Macs);

    public string Name { get; }

    public ObjectiveDirection Direction { get; }

    public double Read(ChildMetrics metrics) => read(metrics);

    /// <summary>The value turned so that smaller is better: maximised objectives are negated.</summary>
    internal double ToMinimisation(double value) => Direction == ObjectiveDirection.Maximize ? -value : value;

    public override string ToString() => Name;
}
