using Mnas.SearchSpace.Predictor;

namespace Mnas.Api.Search;

/// <summary>
/// What a requery of an fbnetv3 campaign found: its fine stage run again with the campaign's trained predictor under the
/// limits given — the best architecture–recipe pairs (best predicted first), every iteration of the evolution, and how many
/// candidates were skipped because the campaign's latency table lacks one of their operators (a requery times nothing and
/// trains nothing).
/// </summary>
public sealed record RequeryResponse(RequeryConstraintsItem Constraints, IReadOnlyList<ProposedPairItem> Pairs, IReadOnlyList<RequeryIterationItem> Iterations,
    int Unmeasured)
{
    public static RequeryResponse From(RequeryResult result) =>
        new(RequeryConstraintsItem.From(result.Constraints), result.Pairs.Select(ProposedPairItem.From).ToList(),
            result.Iterations.Select(RequeryIterationItem.From).ToList(), result.Unmeasured);
}
