using Mnas.SearchSpace.Space;

namespace Mnas.Strategies.Memnas.Ranking;

/// <summary>
/// One round as a ranker learns from it: the base network, every candidate in reading order, and each candidate's
/// measured memory efficiency y against the base (null for a candidate that was not trained or failed).
/// </summary>
public sealed record RankingRound(Sample Base, IReadOnlyList<Sample> Candidates, IReadOnlyList<double?> Measured);
