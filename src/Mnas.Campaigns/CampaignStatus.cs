namespace Mnas.Campaigns;

public enum CampaignStatus
{
    Running,
    Paused,
    Completed,
    Failed,
}
