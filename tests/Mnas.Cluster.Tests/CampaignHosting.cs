namespace Mnas.Cluster.Tests;

/// <summary>Whether a controller process runs a campaign, by what its log says: it started or resumed it, and has not stopped it since.</summary>
internal static class CampaignHosting
{
    public static bool Runs(MnasProcess controller, string campaignId)
    {
        if (controller.HasExited)
        {
            return false;
        }

        var said = controller.LogLines().Where(l => l.Contains($"campaign {campaignId}", StringComparison.Ordinal)).ToList();
        var opened = said.FindLastIndex(l => l.Contains($"campaign {campaignId}: starting with", StringComparison.Ordinal) ||
            l.Contains($"campaign {campaignId}: resuming with", StringComparison.Ordinal));
        var closed = said.FindLastIndex(l => l.Contains($"campaign {campaignId}: stopped", StringComparison.Ordinal) ||
            l.Contains($"campaign {campaignId} stopped", StringComparison.Ordinal) || l.Contains($"campaign {campaignId}: budget spent", StringComparison.Ordinal));
        return opened >= 0 && opened > closed;
    }

    /// <summary>How many times the controller's log says it opened the campaign: started it (no checkpoint yet) or resumed it from one.</summary>
    public static int Openings(MnasProcess controller, string campaignId) =>
        controller.LogLines().Count(l => l.Contains($"campaign {campaignId}: starting with", StringComparison.Ordinal) ||
            l.Contains($"campaign {campaignId}: resuming with", StringComparison.Ordinal));

    /// <summary>How many times the controller's log says it resumed the campaign from a checkpoint.</summary>
    public static int Resumptions(MnasProcess controller, string campaignId) =>
        controller.LogLines().Count(l => l.Contains($"campaign {campaignId}: resuming with", StringComparison.Ordinal));
}
