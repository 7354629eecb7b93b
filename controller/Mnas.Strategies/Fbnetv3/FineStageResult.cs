using Mnas.SearchSpace.Predictor;

namespace Mnas.Strategies.Fbnetv3;

/// <summary>
/// What the fine stage found: the best <see cref="FineStageOptions.TopK"/> pairs (<see cref="Pairs"/>), every pair it
/// scored that met the constraints (<see cref="Ranked"/>; both best predicted first, ties by name), each iteration as a
/// <c>fine</c> search round, and how many candidates it skipped because their costs were unknown.
/// </summary>
public sealed record FineStageResult(IReadOnlyList<ProposedPair> Pairs, IReadOnlyList<ProposedPair> Ranked, IReadOnlyList<SearchRound> Iterations,
    int Unmeasured);
