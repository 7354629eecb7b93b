using Mnas.SearchSpace.Space;

namespace Mnas.SearchSpace.GrowTrim;

/// <summary>Every grow and every trim of a base network (MemNAS's candidates of a round).</summary>
public static class GrowTrimCandidates
{
    /// <summary>
    /// The candidates of <paramref name="base"/>: deepen, widen (when <paramref name="widen"/>), then per block in order its
    /// layer trim and skip trim; each a valid sample of <paramref name="space"/> whose network differs from the base's by
    /// exactly its operation, none whose network equals the base's or an earlier candidate's.
    /// </summary>
    public static IReadOnlyList<GrowTrimCandidate> Of(ModelSpace space, Sample @base, bool widen) =>
        throw new NotImplementedException("grow/trim candidates: being written");
}
