using Mnas.SearchSpace.Space;
using Mnas.Strategies.Memnas.Ranking;

namespace Mnas.Strategies.Memnas;

/// <summary>Makes the ranker a <see cref="CandidateRankerKind"/> names, fresh from its seed or from a saved state.</summary>
internal static class CandidateRankers
{
    public static ICandidateRanker Create(CandidateRankerKind kind, ModelSpace space, RankerOptions options, byte[]? state) => kind switch
    {
        CandidateRankerKind.StructureCorrelation => new StructureCorrelationController(space, options, state),
        CandidateRankerKind.Absolute => new AbsolutePredictor(space, options, state),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "ranker: must be structure-correlation or absolute"),
    };
}
