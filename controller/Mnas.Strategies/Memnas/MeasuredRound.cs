namespace Mnas.Strategies.Memnas;

/// <summary>
/// A round's ranking data as the state keeps it: the base network's and every candidate's architecture, in the ranker's
/// reading order, with each candidate's measured memory efficiency y against the base (null: not trained, or failed).
/// </summary>
public sealed record MeasuredRound(string Base, IReadOnlyList<string> Candidates, IReadOnlyList<double?> Measured);
