using Mnas.Grains.Campaigns;
using Mnas.Grains.Workers;

namespace Mnas.Grains;

/// <summary>The runtime's instruments (see <see cref="WorkerMetrics"/>, <see cref="CampaignMetrics"/>).</summary>
public static class RuntimeMetrics
{
    /// <summary>Publishes every instrument now, so that a role that has not worked or led yet shows them at zero.</summary>
    public static void Publish()
    {
        WorkerMetrics.Publish();
        CampaignMetrics.Publish();
    }
}
