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
        SearchRound.BaseTrained => $"base network trained, {Network(round.Base)}",
        SearchRound.GrowTrim => GrowTrim(round),
        _ => $"{round.Stage}, best predicted {Number(round.BestPredicted)}",
    };

    /// <summary>A grow-and-trim round: its base, how many candidates trained of how many, the best y, where the base goes, τ.</summary>
    private static string GrowTrim(SearchRound round)
    {
        var candidates = round.Candidates ?? [];
        var trained = candidates.Count(c => c.Sequence is not null);
        var best = candidates.Max(c => c.Measured);
        var next = round.NextBase is { } moved ? $"next base {Network(moved)}" : "base kept";
        return string.Create(CultureInfo.InvariantCulture,
            $"grow-trim round {round.Iteration}, base {Network(round.Base)}, {trained} of {candidates.Count} candidates trained (ranked by {round.RankedBy ?? "none"}), best y {Number(best)}, {next}, τ {Number(round.KendallTau)}");
    }

    private static string Network(MemnasNetwork? network) => network is null
        ? "none"
        : string.Create(CultureInfo.InvariantCulture,
            $"child {network.Sequence} accuracy {Number(network.Accuracy)} memory {Kilobytes(network.TotalBytes)} ({Kilobytes(network.ParamBytes)} parameters + {Kilobytes(network.PeakActivationBytes)} peak activations)");

    private static string Kilobytes(long bytes) => (bytes / 1024.0).ToString("F1", CultureInfo.InvariantCulture) + " KB";

    private static string Number(double? value) => value is { } v ? v.ToString("F4", CultureInfo.InvariantCulture) : "none";
}
