namespace Mnas.SearchSpace.Predictor;

/// <summary>
/// What a requery of a finished FBNetV3 campaign found: the fine stage run again under new constraints with the campaign's
/// trained predictor — the best pairs (best predicted first), every iteration, and how many candidates were skipped
/// because the campaign's latency table lacks one of their operators (a requery times nothing).
/// </summary>
public sealed record RequeryResult(PairConstraints Constraints, IReadOnlyList<ProposedPair> Pairs, IReadOnlyList<SearchRound> Iterations, int Unmeasured);
