namespace Mnas.Campaigns;

/// <summary>What one attempt's answer does to its child.</summary>
public enum ChildResultKind
{
    /// <summary>The attempt measured the child: it is done, with its metrics and reward.</summary>
    Done,

    /// <summary>The attempt failed and no attempt is left (or the result is unusable): the child is failed, with the reason.</summary>
    Failed,

    /// <summary>The attempt failed and attempts remain: the child goes back to Queued for the next attempt.</summary>
    Retry,
}
