using Mnas.Grains.Coordinator;
using Mnas.Grains.Trainer;

namespace Mnas.Grains;

/// <summary>The runtime's instruments (see <see cref="WorkerMetrics"/>, <see cref="CoordinatorMetrics"/>).</summary>
public static class RuntimeMetrics
{
    /// <summary>Publishes every instrument now, so that a role that has not worked or led yet shows them at zero.</summary>
    public static void Publish()
    {
        WorkerMetrics.Publish();
        CoordinatorMetrics.Publish();
    }
}
