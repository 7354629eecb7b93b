using System.Diagnostics.Metrics;

namespace Mnas.Metrics;

/// <summary>The one meter every component of Mnas publishes its instruments on (the management listener exports it by this name).</summary>
public static class MnasMeter
{
    public const string Name = "Mnas";

    public static Meter Instance { get; } = new(Name);
}
