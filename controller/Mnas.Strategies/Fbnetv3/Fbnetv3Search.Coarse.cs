using Mnas.SearchSpace.Predictor;

namespace Mnas.Strategies.Fbnetv3;

internal sealed partial class Fbnetv3Search
{
    private const int MaxPools = 8;

    /// <summary>
    /// One coarse round: a pool of <c>pool</c> pairs from Sobol's sequence (going on where the last round stopped), costed by
    /// the engine — another pool while fewer than <c>children_per_round</c> of them are new and meet the constraints, at most
    /// <see cref="MaxPools"/> —; of those that meet the constraints and were not trained before, the first round takes the first
    /// <c>children_per_round</c> in the sequence's order, a later one the best predicted (the sequence's order breaking
    /// ties). Each pick keeps its prediction from before it trained (none while the predictor has not been fitted: the
    /// first round, whose τ is null). The picks train as children, then the predictor is fitted to every measured pair so far.
    /// With the budget spent, the coarse stage ends here.
    /// </summary>
    private async Task<Fbnetv3State> CoarseRoundAsync(Fbnetv3State state, CancellationToken cancellation)
    {
        if (engine.BudgetExhausted)
        {
            return state with { Stage = Fbnetv3Stage.Fine };
        }
        var number = state.CoarseRounds + 1;
        var sobol = new SobolPairs(space, recipes, state.SobolIndex);
        var trainedBefore = state.Trained.Select(t => t.Architecture).ToHashSet(StringComparer.Ordinal);
        var candidates = new List<Pair>();
        // Tight constraints leave few of a pool's points: the sequence goes on, pool after pool, until the round has its
        // children or MaxPools pools were drawn.
        for (var pools = 0; pools < MaxPools && candidates.Count < Spec.ChildrenPerRound; pools++)
        {
            var pool = Enumerable.Range(0, Spec.Pool).Select(_ => sobol.Next()).ToList();
            var costs = await CostsAsync(pool.Select(p => p.Sample).ToList(), cancellation);
            candidates.AddRange(pool.Where((p, i) => costs[i] is { } cost && options.Constraints.Allows(cost) && !trainedBefore.Contains(p.Name)));
            candidates = candidates.DistinctBy(p => p.Name, StringComparer.Ordinal).ToList();
        }

        var fittedBefore = predictor.Fitted;
        var predicted = fittedBefore && candidates.Count > 0 ? predictor.Predict(candidates.Select(Encode).ToList()) : new double[candidates.Count];
        var ranked = candidates.Select((pair, i) => (Pair: pair, Predicted: fittedBefore ? predicted[i] : (double?)null));
        var picks = (fittedBefore ? ranked.OrderByDescending(c => c.Predicted) : ranked).Take(Spec.ChildrenPerRound).ToList();

        var trained = await PairTraining.TrainAsync(engine, picks, SearchRound.Coarse, number - 1, cancellation);
        var all = state.Trained.Concat(trained).OrderBy(t => t.Sequence).ToList();
        await FitAsync(all);

        var points = PredictionAgreement.Points(trained);
        var round = new SearchRound(state.NextRound, SearchRound.Coarse)
        {
            Iteration = number,
            Points = points,
            KendallTau = fittedBefore ? PredictionAgreement.Tau(points) : null,
            FittedOn = all.Count(t => t.Accuracy is not null),
        };
        var next = state with
        {
            Stage = number >= Spec.Rounds ? Fbnetv3Stage.Fine : Fbnetv3Stage.Coarse,
            CoarseRounds = number,
            SobolIndex = sobol.Index,
            NextRound = state.NextRound + 1,
            Trained = all,
        };
        return await FinishStepAsync(next, [round], trained.Select(t => t.Sequence), cancellation);
    }
}
