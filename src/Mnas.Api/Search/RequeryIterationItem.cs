using Mnas.SearchSpace.Predictor;

namespace Mnas.Api.Search;

/// <summary>One iteration of a requery's evolution: its number (from 1), the best and mean predicted accuracy of the pairs it kept, and how many candidates met the limits and how many broke one.</summary>
public sealed record RequeryIterationItem(int Iteration, double? BestPredicted, double? MeanPredicted, int? Feasible, int? Rejected)
{
    public static RequeryIterationItem From(SearchRound round) => new(round.Iteration, round.BestPredicted, round.MeanPredicted, round.Feasible, round.Rejected);
}
