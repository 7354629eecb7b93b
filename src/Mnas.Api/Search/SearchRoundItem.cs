using Mnas.Campaigns;
using Mnas.SearchSpace.Predictor;

namespace Mnas.Api.Search;

/// <summary>
/// One step of a predictor-driven search as the campaign recorded it: its number (from 1), stage and, within the stage,
/// iteration. fbnetv3: for the coarse rounds and the final children each child's predicted and measured accuracy with
/// Kendall's τ between them; the children the predictor was fitted on after the step; the best and mean predicted accuracy;
/// for a fine iteration how many candidates met the constraints and how many broke one; for the pretraining its final loss.
/// memnas: the round's base network, its candidates with predicted and measured rank (Kendall's τ between the controller's
/// scores and the trained candidates' memory efficiency), the next base, how the candidates were ranked and the
/// controller's loss after the round.
/// </summary>
/// <param name="Iteration">Coarse: the round's number among the coarse rounds; fine: the evolution's iteration; 0 otherwise.</param>
/// <param name="Base">memnas: the round's base network (for the <c>base</c> step, the first base trained); null otherwise.</param>
/// <param name="Candidates">memnas: every candidate of a grow-and-trim round in the controller's reading order; null otherwise.</param>
/// <param name="NextBase">memnas: the next round's base when a trained candidate beat the base; null when the base stays.</param>
/// <param name="ControllerLoss">memnas: the ranking controller's training loss after the round; null before it is trained.</param>
/// <param name="RankedBy">memnas: <c>controller</c>, or <c>prior</c> (by memory alone, before the controller had data); null otherwise.</param>
/// <param name="KendallTau">Between predicted and measured over the points (memnas: the trained candidates); null with fewer than two, or before the predictor had seen a trained child.</param>
/// <param name="Feasible">Fine: candidates of the iteration that met the constraints; null otherwise.</param>
/// <param name="Rejected">Fine: candidates of the iteration dropped for breaking a constraint; null otherwise.</param>
/// <param name="PretrainLoss">Pretrain: the proxy head's final loss; null otherwise.</param>
public sealed record SearchRoundItem(
    int Round,
    string Stage,
    int Iteration,
    DateTimeOffset RecordedAt,
    IReadOnlyList<PredictedPointItem> Points,
    MemnasNetworkItem? Base,
    IReadOnlyList<MemnasCandidateItem>? Candidates,
    MemnasNetworkItem? NextBase,
    double? ControllerLoss,
    string? RankedBy,
    double? KendallTau,
    int FittedOn,
    double? BestPredicted,
    double? MeanPredicted,
    int? Feasible,
    int? Rejected,
    double? PretrainLoss)
{
    /// <summary>The step as recorded; one whose document this version cannot read keeps its number, stage and time only.</summary>
    public static SearchRoundItem From(SearchRoundRecord record)
    {
        SearchRound round;
        try
        {
            round = SearchRound.FromJson(record.Json);
        }
        catch (Exception e) when (e is System.Text.Json.JsonException or InvalidDataException)
        {
            return new SearchRoundItem(record.Round, record.Stage, 0, record.RecordedAt, [], null, null, null, null, null, null, 0, null, null, null, null,
                null);
        }

        return new SearchRoundItem(
            record.Round,
            record.Stage,
            round.Iteration,
            record.RecordedAt,
            round.Points.Select(p => new PredictedPointItem(p.Sequence, p.Architecture, p.Predicted, p.Measured)).ToList(),
            MemnasNetworkItem.From(round.Base),
            round.Candidates?.Select(MemnasCandidateItem.From).ToList(),
            MemnasNetworkItem.From(round.NextBase),
            round.ControllerLoss,
            round.RankedBy,
            round.KendallTau,
            round.FittedOn,
            round.BestPredicted,
            round.MeanPredicted,
            round.Feasible,
            round.Rejected,
            round.PretrainLoss);
    }
}
