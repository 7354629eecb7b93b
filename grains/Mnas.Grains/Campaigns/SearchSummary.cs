using System.Globalization;
using Mnas.SearchSpace.Predictor;

namespace Mnas.Grains.Campaigns;

/// <summary>A step of a predictor-driven search in one line, for the campaign's <c>search</c> event.</summary>
internal static class SearchSummary
{
    public static string Of(SearchRound round) => $"step {round.Round}: " + round.Stage switch
    {
        SearchRound.Pretrain => $"the predictor's encoder pretrained on costs, loss {Number(round.PretrainLoss)}",
        SearchRound.Coarse => string.Create(CultureInfo.InvariantCulture,
            $"coarse round {round.Iteration}, {round.Points.Count} children, τ {Number(round.KendallTau)}, best predicted {Number(round.BestPredicted)}, predictor fitted on {round.FittedOn}"),
        SearchRound.Fine => string.Create(CultureInfo.InvariantCulture,
            $"fine iteration {round.Iteration}, best predicted {Number(round.BestPredicted)}, mean {Number(round.MeanPredicted)}, {round.Feasible ?? 0} feasible, {round.Rejected ?? 0} rejected"),
        SearchRound.Final => string.Create(CultureInfo.InvariantCulture,
            $"{round.Points.Count} final children, τ {Number(round.KendallTau)}, best predicted {Number(round.BestPredicted)}"),
        _ => $"{round.Stage}, best predicted {Number(round.BestPredicted)}",
    };

    private static string Number(double? value) => value is { } v ? v.ToString("F4", CultureInfo.InvariantCulture) : "none";
}
