namespace Mnas.Campaigns;

public enum CampaignStatus
{
    Running,
    Paused,
    Completed,
    Failed,

    /// <summary>Stopped on request before its budget was spent; its coordinator stops running it.</summary>
    Cancelled,
}
