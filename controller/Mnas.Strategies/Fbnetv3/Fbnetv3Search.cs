using Mnas.SearchSpace.Predictor;
using Mnas.SearchSpace.Recipes;
using Mnas.SearchSpace.Space;
using Mnas.SearchSpace.Spec;
using Mnas.Strategies.Fbnetv3.Prediction;

namespace Mnas.Strategies.Fbnetv3;

/// <summary>
/// One run of FBNetV3 over an engine: its space, recipe space, pair encoder and predictor, and the steps — pretraining,
/// each coarse round, the fine stage, the final children — each ending with its search round reported and the whole
/// state checkpointed (nothing in flight), so that a resumed run starts the next step from the saved state alone.
/// </summary>
internal sealed partial class Fbnetv3Search : IDisposable
{
    private readonly ModelSpace space;
    private readonly IPredictorEngine engine;
    private readonly Fbnetv3StrategyOptions options;
    private readonly RecipeSpace recipes;
    private readonly PairEncoder encoder;
    private readonly AccuracyPredictor predictor;

    public Fbnetv3Search(ModelSpace space, IPredictorEngine engine, Fbnetv3StrategyOptions options, Fbnetv3State? restored)
    {
        this.space = space;
        this.engine = engine;
        this.options = options;
        recipes = new RecipeSpace(options.Spec.Recipe);
        encoder = new PairEncoder(space, recipes);
        var predictorOptions = PredictorOptions.From(options.Spec, StageSeeds.Predictor(options.Seed));
        predictor = restored is null ? new AccuracyPredictor(encoder.Features, predictorOptions) : AccuracyPredictor.Load(restored.Predictor, predictorOptions);
        if (predictor.Features != encoder.Features)
        {
            predictor.Dispose();
            throw new InvalidDataException(
                $"the saved predictor reads {predictor.Features} features, but this space and recipe space encode a pair in {encoder.Features}");
        }
    }

    private Fbnetv3Spec Spec => options.Spec;

    public async Task RunAsync(Fbnetv3State? restored, CancellationToken cancellation)
    {
        var state = restored ?? await PretrainAsync(cancellation);
        while (state.Stage != Fbnetv3Stage.Done)
        {
            cancellation.ThrowIfCancellationRequested();
            state = state.Stage switch
            {
                Fbnetv3Stage.Coarse => await CoarseRoundAsync(state, cancellation),
                Fbnetv3Stage.Fine => await FineAsync(state, cancellation),
                _ => await FinalAsync(state, cancellation),
            };
        }
    }

    public void Dispose() => predictor.Dispose();

    /// <summary>Reports the step, then checkpoints the state after it with the predictor as it now is.</summary>
    private async Task<Fbnetv3State> FinishStepAsync(Fbnetv3State state, IEnumerable<SearchRound> rounds, IEnumerable<long> included,
        CancellationToken cancellation)
    {
        foreach (var round in rounds)
        {
            await engine.ReportRoundAsync(round, cancellation);
        }
        var saved = state with { Predictor = predictor.Save() };
        await engine.CheckpointAsync(saved.ToBytes(), included.ToList(), cancellation);
        return saved;
    }

    /// <summary>
    /// Fits the predictor to every measured pair so far, in sequence order (it stays as it was when none is). The fit runs
    /// on the thread pool: the engine's scheduler (a campaign grain's) must not be held for seconds of training.
    /// </summary>
    private async Task FitAsync(IReadOnlyList<TrainedPair> trained)
    {
        var measured = trained.Where(t => t.Accuracy is not null).ToList();
        if (measured.Count == 0)
        {
            return;
        }
        var features = measured.Select(t => Encode(Pair.Parse(space, t.Architecture))).ToList();
        var accuracies = measured.Select(t => t.Accuracy!.Value).ToList();
        await Task.Run(() => predictor.Fit(features, accuracies), CancellationToken.None);
    }

    private float[] Encode(Pair pair) => encoder.Encode(pair.Sample, pair.Recipe);

    /// <summary>The engine's costs of each sample, in order (asked once per distinct architecture).</summary>
    private async ValueTask<IReadOnlyList<ArchitectureCosts?>> CostsAsync(IReadOnlyList<Sample> samples, CancellationToken cancellation)
    {
        var distinct = samples.DistinctBy(s => s.Canonical, StringComparer.Ordinal).ToList();
        var answered = distinct.Count == 0 ? [] : await engine.CostsAsync(distinct, cancellation);
        if (answered is null || answered.Count != distinct.Count)
        {
            throw new InvalidOperationException($"the engine answered {answered?.Count ?? 0} costs for {distinct.Count} architectures");
        }
        var bySample = distinct.Select((s, i) => (s.Canonical, Costs: answered[i])).ToDictionary(p => p.Canonical, p => p.Costs, StringComparer.Ordinal);
        return samples.Select(s => (ArchitectureCosts?)bySample[s.Canonical]).ToList();
    }
}
