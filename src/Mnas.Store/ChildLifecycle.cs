using Mnas.Campaigns;

namespace Mnas.Store;

/// <summary>
/// Which status changes a child may make: forward through Sampled → Queued → Training → Measured →
/// Done (steps may be skipped: a deduplicated child goes straight to Done), or to Failed from any
/// status before Done; nothing leaves Done or Failed except a requeue for retry.
/// </summary>
public static class ChildLifecycle
{
    /// <summary>Done and Failed: no update leaves them.</summary>
    public static bool IsTerminal(ChildStatus status) => status is ChildStatus.Done or ChildStatus.Failed;

    /// <summary>Whether an update may move a child from <paramref name="from"/> to <paramref name="to"/> (staying put is allowed before Done or Failed).</summary>
    public static bool CanUpdate(ChildStatus from, ChildStatus to) =>
        !IsTerminal(from) && (to == ChildStatus.Failed || Rank(to) >= Rank(from));

    /// <summary>Whether a child in <paramref name="from"/> may be requeued for another attempt: one that was attempted (Training, Measured) or failed.</summary>
    public static bool CanRequeue(ChildStatus from) => from is ChildStatus.Training or ChildStatus.Measured or ChildStatus.Failed;

    private static int Rank(ChildStatus status) => status switch
    {
        ChildStatus.Sampled => 0,
        ChildStatus.Queued => 1,
        ChildStatus.Training => 2,
        ChildStatus.Measured => 3,
        ChildStatus.Done => 4,
        ChildStatus.Failed => 5,
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "not a child status"),
    };
}
