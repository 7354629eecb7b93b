namespace Mnas.Api.Children;

/// <summary>What the children list can be sorted by.</summary>
public enum ChildSort
{
    Sequence,
    Reward,
    Accuracy,
    LatencyMs,
    UpdatedAt,
}
