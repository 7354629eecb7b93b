using Mnas.SearchSpace.Predictor;
using Mnas.SearchSpace.Recipes;
using Mnas.SearchSpace.Space;
using Mnas.SearchSpace.Spec;
using Mnas.Strategies.Fbnetv3.Prediction;

namespace Mnas.Strategies.Fbnetv3;

/// <summary>
/// Asks a finished (or running) FBNetV3 campaign again under new constraints: its fine stage runs once more with the
/// campaign's fitted predictor, from its best trained pairs and the pairs its own fine stage found. Nothing trains; the
/// costs come from the caller, which answers null for an architecture it cannot cost (such a candidate is skipped).
/// </summary>
public static class Fbnetv3Requery
{
    public static async Task<RequeryResult> RunAsync(ModelSpace space, CampaignSpec spec, byte[] strategyState, PairConstraints constraints,
        Func<IReadOnlyList<Sample>, CancellationToken, ValueTask<IReadOnlyList<ArchitectureCosts?>>> costs, ulong seed,
        CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(space);
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(strategyState);
        ArgumentNullException.ThrowIfNull(constraints);
        ArgumentNullException.ThrowIfNull(costs);
        var problems = Fbnetv3StrategyOptionsValidator.Validate(constraints, "constraints.").ToList();
        if (problems.Count > 0)
        {
            throw new ArgumentException($"requery constraints: {string.Join("; ", problems)}", nameof(constraints));
        }

        var state = Fbnetv3State.FromBytes(strategyState);
        var recipes = new RecipeSpace(spec.Fbnetv3.Recipe);
        var encoder = new PairEncoder(space, recipes);
        using var predictor = AccuracyPredictor.Load(state.Predictor, PredictorOptions.From(spec.Fbnetv3, StageSeeds.Predictor(seed)));
        if (!predictor.Fitted)
        {
            throw new InvalidOperationException(
                "the campaign's predictor has not been fitted to any trained child (its coarse stage measured none yet), so there is nothing to requery");
        }
        if (predictor.Features != encoder.Features)
        {
            throw new InvalidDataException(
                $"the campaign's predictor reads {predictor.Features} features, but this space and recipe space encode a pair in {encoder.Features}");
        }

        var options = FineStageOptions.From(spec.Fbnetv3, seed);
        var seeds = FineSeeds.Of(space, encoder, predictor, state.Trained, options.TopK,
            state.Proposed.Concat(state.Final).Select(p => p.Architecture));
        var result = await new FineStage(space, recipes, encoder, predictor, constraints, costs, options).RunAsync(seeds, 1, cancellation);
        return new RequeryResult(constraints, result.Pairs, result.Iterations, result.Unmeasured);
    }
}
