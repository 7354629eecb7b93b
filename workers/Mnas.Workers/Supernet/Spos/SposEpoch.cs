namespace Mnas.Workers.Supernet;

/// <summary>
/// One epoch of a single-path supernet's training: the mean training loss (label-smoothed as the recipe says) and plain
/// cross-entropy over its images, the BN indicator after it ([positions][candidates], 0 where a position does not offer
/// the candidate), how far each position's ranking of its candidates moved since the epoch before (the normalised
/// Kendall distance averaged over positions; none after the first epoch of a supernet trained from scratch), and how
/// long it took.
/// </summary>
public sealed record SposEpoch(
    int Epoch,
    double Loss,
    double CrossEntropy,
    IReadOnlyList<IReadOnlyList<double>> Scores,
    double? RankingDistance,
    TimeSpan Duration);
