using Mnas.SearchSpace.Predictor;
using Mnas.SearchSpace.Recipes;
using Mnas.SearchSpace.Space;
using Mnas.Strategies.Fbnetv3;
using Mnas.Strategies.Fbnetv3.Prediction;

namespace Mnas.Strategies.Tests.Fbnetv3;

public sealed class FineStageTests : IClassFixture<FineStageTests.FittedPredictor>
{
    private static readonly ModelSpace Space = SmallFbnetv3.Space;
    private static readonly RecipeSpace Recipes = new(SmallFbnetv3.Spec.Recipe);
    private static readonly FineStageOptions Options = FineStageOptions.From(SmallFbnetv3.Spec, 0) with { MaxIterations = 6, Threshold = 0 };

    private readonly FittedPredictor fitted;
    private readonly FakePairCosts costs = new(Space);

    public FineStageTests(FittedPredictor fitted) => this.fitted = fitted;

    /// <summary>A predictor fitted to the fake accuracies of a few random pairs, shared by the tests.</summary>
    public sealed class FittedPredictor : IDisposable
    {
        public FittedPredictor()
        {
            Encoder = new PairEncoder(Space, Recipes);
            Predictor = new AccuracyPredictor(Encoder.Features, PredictorOptions.From(SmallFbnetv3.Spec, 3));
            var rng = new Random(4);
            var names = Enumerable.Range(0, 16).Select(_ => RecipeChildName.Of(Space.Random(rng).Canonical, Recipes.Random(rng))).ToList();
            Predictor.Fit(names.Select(Encode).ToList(), names.Select(n => FakeAccuracy.Of(Space, n)).ToList());
            Seeds = names;
        }

        public PairEncoder Encoder { get; }

        public AccuracyPredictor Predictor { get; }

        /// <summary>The pairs it was fitted to, as the fine stage's seeds.</summary>
        public IReadOnlyList<string> Seeds { get; }

        public void Dispose() => Predictor.Dispose();

        private float[] Encode(string name)
        {
            var (sample, recipe) = RecipeChildName.Parse(name);
            return Encoder.Encode(Space.Parse(sample), recipe);
        }
    }

    private FineStage Stage(PairConstraints constraints, FineStageOptions options,
        Func<IReadOnlyList<Sample>, CancellationToken, ValueTask<IReadOnlyList<ArchitectureCosts?>>>? source = null) =>
        new(Space, Recipes, fitted.Encoder, fitted.Predictor, constraints, source ?? costs.SourceAsync, options);

    private bool Meets(PairConstraints constraints, string name) =>
        constraints.Allows(costs.Of(Space.Parse(RecipeChildName.Parse(name).Sample)));

    [Fact]
    public async Task it_never_keeps_a_pair_that_breaks_a_constraint()
    {
        var rejected = 0;
        foreach (var quantile in new[] { 0.05, 0.2, 0.5 })
        {
            var limit = costs.ParamsQuantile(quantile);
            var latency = costs.Of(Space.Random(new Random(9))).LatencyMs;
            var constraints = new PairConstraints { MaxParams = limit, MaxLatencyMs = latency };
            for (ulong seed = 1; seed <= 6; seed++)
            {
                var result = await Stage(constraints, Options with { Seed = seed }).RunAsync(fitted.Seeds, 1, CancellationToken.None);

                Assert.All(result.Ranked, p => Assert.True(Meets(constraints, p.Architecture), $"kept {p.Architecture} over {constraints}"));
                Assert.All(result.Ranked, p => Assert.True(constraints.Allows(p.Costs)));
                Assert.Equal(result.Ranked.Take(Options.TopK).Select(p => p.Architecture), result.Pairs.Select(p => p.Architecture));
                Assert.All(result.Iterations, r => Assert.InRange(r.Feasible!.Value + r.Rejected!.Value, 1, Options.Population));
                rejected += result.Iterations.Sum(r => r.Rejected!.Value);
            }
        }
        Assert.True(rejected > 0, "the constraints never rejected a candidate, so the test showed nothing");
    }

    [Fact]
    public async Task the_kept_pairs_are_the_best_predicted_and_improve_from_iteration_to_iteration()
    {
        var result = await Stage(new PairConstraints(), Options with { Seed = 2 }).RunAsync(fitted.Seeds, 7, CancellationToken.None);

        Assert.Equal(Options.TopK, result.Pairs.Count);
        Assert.Equal(result.Pairs.OrderByDescending(p => p.PredictedAccuracy).Select(p => p.Architecture), result.Pairs.Select(p => p.Architecture));
        Assert.Equal(Enumerable.Range(7, result.Iterations.Count), result.Iterations.Select(r => r.Round));
        Assert.All(result.Iterations, r => Assert.Equal(SearchRound.Fine, r.Stage));
        var best = result.Iterations.Select(r => r.BestPredicted!.Value).ToList();
        Assert.Equal(best.Order(), best);
        Assert.Equal(result.Pairs[0].PredictedAccuracy, best[^1]);
        var predicted = fitted.Predictor.Predict(result.Pairs.Select(p => RecipeChildName.Parse(p.Architecture))
            .Select(p => fitted.Encoder.Encode(Space.Parse(p.Sample), p.Recipe)).ToList());
        Assert.Equal(result.Pairs.Select(p => p.PredictedAccuracy), predicted, (a, b) => Math.Abs(a - b) < 1e-5);
    }

    [Fact]
    public async Task it_stops_once_the_best_prediction_rises_by_less_than_the_threshold()
    {
        var result = await Stage(new PairConstraints(), Options with { Seed = 2, Threshold = 10, MaxIterations = 20 })
            .RunAsync(fitted.Seeds, 1, CancellationToken.None);

        Assert.Single(result.Iterations);
    }

    [Fact]
    public async Task candidates_whose_costs_are_unknown_are_skipped_and_counted()
    {
        var unknownOp = Space.GetDecision("b1.op").Choices[0];
        ValueTask<IReadOnlyList<ArchitectureCosts?>> Source(IReadOnlyList<Sample> samples, CancellationToken _) =>
            ValueTask.FromResult<IReadOnlyList<ArchitectureCosts?>>(samples.Select(s => s.ValueOf("b1.op") == unknownOp ? null : costs.Of(s)).ToList());

        var result = await Stage(new PairConstraints(), Options with { Seed = 4 }, Source).RunAsync(fitted.Seeds, 1, CancellationToken.None);

        Assert.True(result.Unmeasured > 0);
        Assert.NotEmpty(result.Ranked);
        Assert.DoesNotContain(result.Ranked, p => Space.Parse(RecipeChildName.Parse(p.Architecture).Sample).ValueOf("b1.op") == unknownOp);
    }

    [Fact]
    public async Task constraints_nothing_meets_leave_it_empty_handed_after_every_iteration()
    {
        var result = await Stage(new PairConstraints { MaxParams = 1 }, Options).RunAsync(fitted.Seeds, 1, CancellationToken.None);

        Assert.Empty(result.Pairs);
        Assert.Equal(Options.MaxIterations, result.Iterations.Count);
        Assert.All(result.Iterations, r => Assert.Equal(0, r.Feasible));
        Assert.All(result.Iterations, r => Assert.Null(r.BestPredicted));
    }

    [Fact]
    public async Task the_same_seed_gives_the_same_pairs()
    {
        var constraints = new PairConstraints { MaxParams = SmallFbnetv3.MedianParams };
        var first = await Stage(constraints, Options with { Seed = 12 }).RunAsync(fitted.Seeds, 1, CancellationToken.None);
        var again = await Stage(constraints, Options with { Seed = 12 }).RunAsync(fitted.Seeds, 1, CancellationToken.None);
        var other = await Stage(constraints, Options with { Seed = 13 }).RunAsync(fitted.Seeds, 1, CancellationToken.None);

        Assert.Equal(first.Ranked, again.Ranked);
        Assert.Equal(first.Iterations.Select(r => r.ToJson()), again.Iterations.Select(r => r.ToJson()));
        Assert.NotEqual(first.Ranked.Select(p => p.Architecture), other.Ranked.Select(p => p.Architecture));
    }

    [Fact]
    public void a_predictor_never_fitted_is_refused()
    {
        using var unfitted = new AccuracyPredictor(fitted.Encoder.Features, PredictorOptions.From(SmallFbnetv3.Spec, 3));

        var error = Assert.Throws<InvalidOperationException>(() =>
            new FineStage(Space, Recipes, fitted.Encoder, unfitted, new PairConstraints(), costs.SourceAsync, Options));

        Assert.Contains("fitted", error.Message);
    }
}
