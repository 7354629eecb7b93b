using Mnas.SearchSpace.Predictor;

namespace Mnas.Strategies.Fbnetv3;

internal sealed partial class Fbnetv3Search
{
    /// <summary>
    /// The fine stage (<see cref="FineStage"/>) from the best trained pairs, costed by the engine, each iteration reported;
    /// its best pairs not trained before are left for the final stage. A predictor never fitted (no child was measured)
    /// leaves nothing to search: the run ends.
    /// </summary>
    private async Task<Fbnetv3State> FineAsync(Fbnetv3State state, CancellationToken cancellation)
    {
        if (!predictor.Fitted)
        {
            return await FinishStepAsync(state with { Stage = Fbnetv3Stage.Done }, [], [], cancellation);
        }
        var fineOptions = FineStageOptions.From(Spec, options.Seed);
        var seeds = FineSeeds.Of(space, encoder, predictor, state.Trained, fineOptions.TopK, []);
        var fine = new FineStage(space, recipes, encoder, predictor, options.Constraints, CostsAsync, fineOptions);
        var result = await fine.RunAsync(seeds, state.NextRound, cancellation);

        var trained = state.Trained.Select(t => t.Architecture).ToHashSet(StringComparer.Ordinal);
        var next = state with
        {
            Stage = Fbnetv3Stage.Final,
            NextRound = state.NextRound + result.Iterations.Count,
            Proposed = result.Pairs,
            Final = result.Ranked.Where(p => !trained.Contains(p.Architecture)).Take(Spec.FinalChildren).ToList(),
        };
        return await FinishStepAsync(next, result.Iterations, [], cancellation);
    }

    /// <summary>
    /// Trains the fine stage's picks as the campaign's last children (while the budget lasts), refits the predictor to
    /// every measured pair, and reports the picks' predicted and measured accuracy with τ.
    /// </summary>
    private async Task<Fbnetv3State> FinalAsync(Fbnetv3State state, CancellationToken cancellation)
    {
        var picks = state.Final.Select(p => (Pair.Parse(space, p.Architecture), (double?)p.PredictedAccuracy)).ToList();
        var trained = await PairTraining.TrainAsync(engine, picks, SearchRound.Final, state.CoarseRounds, cancellation);
        var all = state.Trained.Concat(trained).OrderBy(t => t.Sequence).ToList();
        if (trained.Any(t => t.Accuracy is not null))
        {
            await FitAsync(all);
        }

        var points = PredictionAgreement.Points(trained);
        var round = new SearchRound(state.NextRound, SearchRound.Final)
        {
            Points = points,
            KendallTau = PredictionAgreement.Tau(points),
            FittedOn = all.Count(t => t.Accuracy is not null),
        };
        var next = state with { Stage = Fbnetv3Stage.Done, NextRound = state.NextRound + 1, Trained = all };
        return await FinishStepAsync(next, [round], trained.Select(t => t.Sequence), cancellation);
    }
}
