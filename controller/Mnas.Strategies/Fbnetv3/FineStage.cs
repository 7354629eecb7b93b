using Mnas.SearchSpace.Predictor;
using Mnas.SearchSpace.Recipes;
using Mnas.SearchSpace.Space;
using Mnas.Strategies.Fbnetv3.Prediction;

namespace Mnas.Strategies.Fbnetv3;

/// <summary>
/// FBNetV3's fine stage: an adaptive evolution over a fitted accuracy predictor, trained nothing. It starts from seed
/// pairs (the best trained ones); every iteration mutates the kept pairs into <see cref="FineStageOptions.Population"/>
/// candidates, drops every candidate that breaks a constraint or whose costs are unknown (a candidate is never kept
/// unless its costs are known and within the constraints — seeds included), scores the rest with the predictor and keeps
/// the best <see cref="FineStageOptions.TopK"/> distinct pairs seen. It stops when an iteration raises the best predicted
/// accuracy by less than <see cref="FineStageOptions.Threshold"/>, or after <see cref="FineStageOptions.MaxIterations"/>.
/// While nothing meets the constraints, half the candidates are drawn at random instead, so tight constraints far from
/// every seed can still be met. Costs are asked once per architecture. Deterministic from its seed, pairs and predictor.
/// </summary>
public sealed class FineStage
{
    private readonly ModelSpace space;
    private readonly RecipeSpace recipes;
    private readonly PairEncoder encoder;
    private readonly AccuracyPredictor predictor;
    private readonly PairConstraints constraints;
    private readonly Func<IReadOnlyList<Sample>, CancellationToken, ValueTask<IReadOnlyList<ArchitectureCosts?>>> costs;
    private readonly FineStageOptions options;
    private readonly Dictionary<string, ArchitectureCosts?> costsBySample = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Scored> scored = new(StringComparer.Ordinal);
    private readonly HashSet<string> unmeasured = new(StringComparer.Ordinal);

    /// <param name="costs">Each sample's costs in order; null where they are unknown (the candidate is skipped and counted as unmeasured).</param>
    public FineStage(ModelSpace space, RecipeSpace recipes, PairEncoder encoder, AccuracyPredictor predictor, PairConstraints constraints,
        Func<IReadOnlyList<Sample>, CancellationToken, ValueTask<IReadOnlyList<ArchitectureCosts?>>> costs, FineStageOptions options)
    {
        this.space = space ?? throw new ArgumentNullException(nameof(space));
        this.recipes = recipes ?? throw new ArgumentNullException(nameof(recipes));
        this.encoder = encoder ?? throw new ArgumentNullException(nameof(encoder));
        this.predictor = predictor ?? throw new ArgumentNullException(nameof(predictor));
        this.constraints = constraints ?? throw new ArgumentNullException(nameof(constraints));
        this.costs = costs ?? throw new ArgumentNullException(nameof(costs));
        this.options = options ?? throw new ArgumentNullException(nameof(options));
        FineStageOptionsValidator.ThrowIfInvalid(options);
        if (!predictor.Fitted)
        {
            throw new InvalidOperationException("the fine stage needs a predictor fitted to trained pairs; this one has not been fitted");
        }
    }

    /// <summary>Runs the evolution once.</summary>
    /// <param name="seeds">The child names (<see cref="RecipeChildName"/>) of the pairs it starts from, best first.</param>
    /// <param name="firstRound">The <see cref="SearchRound.Round"/> of its first iteration; the others follow.</param>
    public async Task<FineStageResult> RunAsync(IReadOnlyList<string> seeds, int firstRound, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(seeds);
        var starts = seeds.Select(name => Pair.Parse(space, name)).DistinctBy(p => p.Name, StringComparer.Ordinal).ToList();
        var mutation = new PairMutation(space, recipes, StageSeeds.Generator(options.Seed));
        var kept = Best((await EvaluateAsync(starts, cancellation)).Feasible);
        var iterations = new List<SearchRound>();
        for (var iteration = 1; iteration <= options.MaxIterations; iteration++)
        {
            cancellation.ThrowIfCancellationRequested();
            var parents = kept.Count > 0 ? kept.Select(k => k.Pair).ToList() : starts;
            var candidates = Enumerable.Range(0, options.Population)
                .Select(_ => parents.Count == 0 || (kept.Count == 0 && mutation.Coin())
                    ? mutation.Random()
                    : mutation.Mutate(mutation.Pick(parents), options.MutationProbability))
                .ToList();
            var (feasible, rejected) = await EvaluateAsync(candidates, cancellation);
            double? before = kept.Count > 0 ? kept[0].Predicted : null;
            kept = Best(kept.Concat(feasible));
            iterations.Add(new SearchRound(firstRound + iteration - 1, SearchRound.Fine)
            {
                Iteration = iteration,
                BestPredicted = kept.Count > 0 ? kept[0].Predicted : null,
                MeanPredicted = kept.Count > 0 ? kept.Average(k => k.Predicted) : null,
                Feasible = feasible.Count,
                Rejected = rejected,
            });
            if (before is { } best && kept[0].Predicted - best < options.Threshold)
            {
                break;
            }
        }

        var ranked = Ranked(scored.Values).Select(s => new ProposedPair(s.Pair.Name, s.Predicted, s.Costs)).ToList();
        return new FineStageResult(ranked.Take(options.TopK).ToList(), ranked, iterations, unmeasured.Count);
    }

    /// <summary>The distinct candidates that meet the constraints (scored, once each), and how many broke one.</summary>
    private async Task<(List<Scored> Feasible, int Rejected)> EvaluateAsync(IReadOnlyList<Pair> candidates, CancellationToken cancellation)
    {
        var distinct = candidates.DistinctBy(p => p.Name, StringComparer.Ordinal).ToList();
        await CostAsync(distinct.Select(p => p.Sample), cancellation);
        var feasible = new List<Pair>();
        var rejected = 0;
        foreach (var pair in distinct)
        {
            if (costsBySample[pair.Sample.Canonical] is not { } cost)
            {
                unmeasured.Add(pair.Name);
            }
            else if (constraints.Allows(cost))
            {
                feasible.Add(pair);
            }
            else
            {
                rejected++;
            }
        }

        var fresh = feasible.Where(p => !scored.ContainsKey(p.Name)).ToList();
        if (fresh.Count > 0)
        {
            var predicted = predictor.Predict(fresh.Select(p => encoder.Encode(p.Sample, p.Recipe)).ToList());
            for (var i = 0; i < fresh.Count; i++)
            {
                if (!double.IsFinite(predicted[i]))
                {
                    throw new InvalidOperationException($"the predictor's accuracy for {fresh[i].Name} is {predicted[i]}; predictions must be finite");
                }
                scored[fresh[i].Name] = new Scored(fresh[i], predicted[i], costsBySample[fresh[i].Sample.Canonical]!);
            }
        }
        return (feasible.Select(p => scored[p.Name]).ToList(), rejected);
    }

    private async Task CostAsync(IEnumerable<Sample> samples, CancellationToken cancellation)
    {
        var unknown = samples.Where(s => !costsBySample.ContainsKey(s.Canonical)).DistinctBy(s => s.Canonical, StringComparer.Ordinal).ToList();
        if (unknown.Count == 0)
        {
            return;
        }
        var answered = await costs(unknown, cancellation);
        if (answered is null || answered.Count != unknown.Count)
        {
            throw new InvalidOperationException($"the cost source answered {answered?.Count ?? 0} costs for {unknown.Count} architectures");
        }
        for (var i = 0; i < unknown.Count; i++)
        {
            costsBySample[unknown[i].Canonical] = answered[i];
        }
    }

    private List<Scored> Best(IEnumerable<Scored> pairs) => Ranked(pairs.DistinctBy(s => s.Pair.Name, StringComparer.Ordinal)).Take(options.TopK).ToList();

    private static IOrderedEnumerable<Scored> Ranked(IEnumerable<Scored> pairs) =>
        pairs.OrderByDescending(s => s.Predicted).ThenBy(s => s.Pair.Name, StringComparer.Ordinal);

    private sealed record Scored(Pair Pair, double Predicted, ArchitectureCosts Costs);
}
