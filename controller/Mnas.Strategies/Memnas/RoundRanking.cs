using Mnas.Costs.Memory;
using Mnas.SearchSpace.GrowTrim;

namespace Mnas.Strategies.Memnas;

/// <summary>
/// A round's candidates in the ranker's reading order, each with its memory and score, how they were scored
/// (<see cref="Controller"/> or <see cref="Prior"/>) and their order from the best score down (ties in reading order).
/// </summary>
internal sealed record RoundRanking(IReadOnlyList<GrowTrimCandidate> Candidates, IReadOnlyList<MemoryFootprint> Memories, IReadOnlyList<double> Scores,
    string RankedBy)
{
    public const string Controller = "controller";
    public const string Prior = "prior";

    /// <summary>Candidate positions from the highest score down.</summary>
    public IReadOnlyList<int> Order { get; } = Ranks.Order(Scores);

    /// <summary>Each candidate's 1-based predicted rank.</summary>
    public IReadOnlyList<int> PredictedRanks
    {
        get
        {
            var ranks = new int[Candidates.Count];
            for (var r = 0; r < Order.Count; r++)
            {
                ranks[Order[r]] = r + 1;
            }
            return ranks;
        }
    }
}
