using System.Diagnostics.Metrics;
using Mnas.Metrics;

namespace Mnas.Host.Commands;

/// <summary><c>mnas_coordinator_leading</c>: 1 while this process leads (coordinates), 0 while it stands by.</summary>
internal static class LeadershipGauge
{
    private static int terms;

    static LeadershipGauge() =>
        MnasMeter.Instance.CreateObservableGauge("mnas_coordinator_leading", () => Volatile.Read(ref terms) > 0 ? 1 : 0, description:
            "1 while this process leads the coordination of campaigns, 0 while it stands by.");

    /// <summary>Creates the gauge (the type's initialiser does), at 0.</summary>
    public static void Publish()
    {
    }

    public static void Began() => Interlocked.Increment(ref terms);

    public static void Ended() => Interlocked.Decrement(ref terms);
}
