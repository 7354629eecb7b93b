namespace Mnas.SearchSpace.GrowTrim;

/// <summary>The four ways MemNAS changes a base network by one operation.</summary>
public enum GrowTrimKind
{
    /// <summary>One more layer in every block that can take one (the same way in each).</summary>
    Deepen,

    /// <summary>Every block that can widen to its next wider width multiplier.</summary>
    Widen,

    /// <summary>One layer of one block replaced by identity (the block one layer shorter).</summary>
    TrimLayer,

    /// <summary>One block's skip edges removed (its skip set to none).</summary>
    TrimSkip,
}
