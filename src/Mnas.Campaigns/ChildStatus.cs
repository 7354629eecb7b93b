namespace Mnas.Campaigns;

/// <summary>A child's lifecycle: sampled → queued → training → measured → done, or failed at any step.</summary>
public enum ChildStatus
{
    Sampled,
    Queued,
    Training,
    Measured,
    Done,
    Failed,
}
