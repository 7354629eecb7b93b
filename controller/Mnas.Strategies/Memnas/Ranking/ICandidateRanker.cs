using Mnas.SearchSpace.Space;

namespace Mnas.Strategies.Memnas.Ranking;

/// <summary>
/// Scores a round's candidates so the best can be trained first: MemNAS's structure-correlation controller (the
/// candidates read in sequence, so each score sees the others) or the absolute predictor of its ablation (each alone).
/// Deterministic: the same options, state and data give the same scores and fits.
/// </summary>
public interface ICandidateRanker : IDisposable
{
    /// <summary>One score per candidate, in order; higher means a higher predicted memory efficiency y.</summary>
    IReadOnlyList<double> Score(Sample @base, IReadOnlyList<Sample> candidates);

    /// <summary>
    /// Trains from the current weights and optimiser state on the rounds' measured candidates (squared error between
    /// score and y, unmeasured candidates still read but not scored in the loss); returns the last epoch's mean loss.
    /// </summary>
    double Fit(IReadOnlyList<RankingRound> rounds);

    /// <summary>Weights and optimiser state; a ranker made from them scores and fits exactly as this one.</summary>
    byte[] SaveState();
}
