using System.Globalization;
using Mnas.Campaigns;
using Mnas.Costs;
using Mnas.Grains;
using Mnas.SearchSpace.Architectures;
using Mnas.SearchSpace.Predictor;
using Mnas.SearchSpace.Recipes;
using Mnas.SearchSpace.Space;
using Mnas.SearchSpace.Spec;
using Mnas.Strategies.Fbnetv3.Prediction;
using Mnas.Strategies.Statistics;
using Mnas.Workers.Datasets;
using Mnas.Workers.Evaluation;
using Mnas.Workers.Latency;
using Mnas.Workers.Training;

namespace Mnas.Benchmarks;

/// <summary>
/// FBNetV3 on Fashion-MNIST against an RL campaign that trains as many children, and its searched recipe against the
/// default one on mobilenet_v2's proxy view at the same epochs. The predictor's quality is measured on held-out trained
/// children: every child of the campaign is predicted by a predictor fitted on the other folds (5-fold), once with the
/// encoder pretrained on free labels (as the campaign's) and once without, at equal children; the campaign's own
/// before-training predictions of its later rounds are reported too.
/// </summary>
internal static class Fbnetv3Benchmark
{
    private const int Folds = 5;

    public static async Task<int> Run(int subset, int epochs, int rounds, int perRound)
    {
        DatasetFetcher.Fetch("fashion-mnist");
        var spec = new CampaignSpec
        {
            Name = "bench-fbnetv3",
            Target = new TargetSpec { Input = new InputShape(3, 64, 64), Classes = 10 },
            Proxy = new ProxySpec { Epochs = epochs, TrainSubsetSize = subset, BatchSize = 64 },
            // The recipe is searched at the proxy's epochs, so that the searched and the default recipe train alike long.
            Fbnetv3 = new Fbnetv3Spec
            {
                Recipe = new RecipeSpaceSpec { Epochs = RecipeRange.OneOf(epochs) },
                PretrainArchitectures = 1000, Rounds = rounds, ChildrenPerRound = perRound, Pool = 256, FinalChildren = 3,
                Population = 48, TopK = 12, MaxIterations = 15,
            },
        };
        var children = spec.Fbnetv3.TrainedChildren();
        var root = Directory.CreateTempSubdirectory("mnas-bench-fbnetv3-").FullName;
        try
        {
            var fbnetv3 = await RunCampaignAsync(root, spec, "fbnetv3", new CampaignSettings("fbnetv3", MaxChildren: children));
            var rl = await RunCampaignAsync(root, spec, "rl", new CampaignSettings("rl", MaxChildren: children, Minibatch: 4));
            var (withPretraining, withoutPretraining) = CrossValidatedTau(spec, fbnetv3.Children);
            var recorded = fbnetv3.Rounds.Where(r => r.Stage != SearchRound.Pretrain && r.Points.Count > 0 && !(r.Stage == SearchRound.Coarse && r.Iteration == 1))
                .SelectMany(r => r.Points).Where(p => p.Measured is not null && p.Predicted is not null).ToList();
            var roundTau = KendallTau.TauB(recorded.Select(p => p.Predicted!.Value).ToList(), recorded.Select(p => p.Measured!.Value).ToList());

            var best = fbnetv3.Children.OrderByDescending(c => c.Metrics!.Accuracy).First();
            var searched = RecipeChildName.Parse(best.Architecture).Recipe with { Epochs = epochs };
            var defaultRecipe = TrainMobileNetV2(spec, spec.Proxy);
            var searchedRecipe = TrainMobileNetV2(spec, searched.ApplyTo(spec.Proxy));
            Console.WriteLine(Invariant($"mobilenet_v2 default recipe ({Recipe.Of(spec).ToText()}): val acc {defaultRecipe:F4}"));
            Console.WriteLine(Invariant($"mobilenet_v2 searched recipe ({searched.ToText()}): val acc {searchedRecipe:F4}"));
            var rlBest = rl.Children.OrderByDescending(c => c.Metrics!.Accuracy).FirstOrDefault();

            Console.WriteLine("device=cpu");
            Console.WriteLine($"threads={Environment.ProcessorCount}");
            Console.WriteLine($"proxy_train_subset={subset}");
            Console.WriteLine($"proxy_epochs={epochs}");
            Console.WriteLine($"trained_children={children}");
            Console.WriteLine($"fbnetv3_children={fbnetv3.Children.Count}");
            Console.WriteLine(Invariant($"fbnetv3_wall_s={fbnetv3.WallSeconds:F1}"));
            Console.WriteLine($"latency_table_entries={fbnetv3.TableEntries}");
            Console.WriteLine(Invariant($"predictor_round_tau={roundTau:F3}"));
            Console.WriteLine(Invariant($"predictor_kendall_tau={withPretraining:F3}"));
            Console.WriteLine(Invariant($"predictor_tau_without_pretraining={withoutPretraining:F3}"));
            Console.WriteLine(Invariant($"pretraining_tau_gain={withPretraining - withoutPretraining:F3}"));
            Console.WriteLine(Invariant($"mv2_default_recipe_val_acc={defaultRecipe:F4}"));
            Console.WriteLine(Invariant($"mv2_searched_recipe_val_acc={searchedRecipe:F4}"));
            Console.WriteLine(Invariant($"recipe_gain={searchedRecipe - defaultRecipe:F4}"));
            Console.WriteLine(Invariant($"fbnetv3_best_val_acc={best.Metrics!.Accuracy:F4}"));
            Console.WriteLine(Invariant($"fbnetv3_best_latency_ms={best.Metrics.LatencyMs:F3}"));
            Console.WriteLine($"rl_children={rl.Children.Count}");
            Console.WriteLine(Invariant($"rl_wall_s={rl.WallSeconds:F1}"));
            Console.WriteLine(Invariant($"rl_best_val_acc={rlBest?.Metrics!.Accuracy ?? double.NaN:F4}"));
            Console.WriteLine(Invariant($"rl_best_latency_ms={rlBest?.Metrics!.LatencyMs ?? double.NaN:F3}"));
            return 0;
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    /// <summary>
    /// Kendall's τ between every trained child's accuracy and its prediction by a predictor fitted on the other folds,
    /// with the encoder pretrained on free labels and without; the same folds, children and fitting for both.
    /// </summary>
    private static (double WithPretraining, double WithoutPretraining) CrossValidatedTau(CampaignSpec spec, IReadOnlyList<Child> children)
    {
        var space = new ModelSpace(spec);
        var recipes = new RecipeSpace(spec.Fbnetv3.Recipe);
        var encoder = new PairEncoder(space, recipes);
        var features = children.Select(c => RecipeChildName.Parse(c.Architecture))
            .Select(n => encoder.Encode(space.Parse(n.Sample), n.Recipe)).ToList();
        var accuracy = children.Select(c => c.Metrics!.Accuracy).ToList();
        var options = PredictorOptions.From(spec.Fbnetv3, 7);
        var (pretrainFeatures, pretrainCosts) = FreeLabels(space, recipes, encoder, spec.Fbnetv3.PretrainArchitectures);
        double Tau(bool pretrain)
        {
            var predicted = new double[children.Count];
            for (var fold = 0; fold < Folds; fold++)
            {
                var train = Enumerable.Range(0, children.Count).Where(i => i % Folds != fold).ToList();
                var test = Enumerable.Range(0, children.Count).Where(i => i % Folds == fold).ToList();
                using var predictor = new AccuracyPredictor(encoder.Features, options);
                if (pretrain)
                {
                    predictor.Pretrain(pretrainFeatures, pretrainCosts);
                }
                predictor.Fit(train.Select(i => features[i]).ToList(), train.Select(i => accuracy[i]).ToList());
                var scores = predictor.Predict(test.Select(i => features[i]).ToList());
                for (var k = 0; k < test.Count; k++)
                {
                    predicted[test[k]] = scores[k];
                }
            }
            return KendallTau.TauB(predicted, accuracy);
        }
        return (Tau(pretrain: true), Tau(pretrain: false));
    }

    private static (List<float[]> Features, List<ArchitectureCosts> Costs) FreeLabels(ModelSpace space, RecipeSpace recipes, PairEncoder encoder, int count)
    {
        var rng = new Random(11);
        var features = new List<float[]>(count);
        var costs = new List<ArchitectureCosts>(count);
        for (var i = 0; i < count; i++)
        {
            var sample = space.Random(rng);
            var report = CostAnalysis.Analyze(space.Freeze(sample));
            features.Add(encoder.Encode(sample, recipes.Random(rng)));
            costs.Add(new ArchitectureCosts(0, report.Params, report.Macs, report.PeakActivationBytes));
        }
        return (features, costs);
    }

    private static async Task<CampaignRun> RunCampaignAsync(string root, CampaignSpec spec, string id, CampaignSettings settings)
    {
        await using var run = await EmbeddedCampaign.RunAsync(root, id, spec, settings);
        var store = run.Store;
        var wall = run.WallSeconds;
        var done = await store.ListChildrenAsync(id, Mnas.Campaigns.ChildStatus.Done);
        foreach (var child in done)
        {
            Console.WriteLine(Invariant($"{id} child {child.Sequence} {child.Architecture}: val acc {child.Metrics!.Accuracy:F4}, latency {child.Metrics.LatencyMs:F2} ms, {child.Metrics.Params} params"));
        }
        var rounds = (await store.ListSearchRoundsAsync(id)).Select(r => SearchRound.FromJson(r.Json)).ToList();
        foreach (var round in rounds)
        {
            Console.WriteLine(Invariant($"{id} round {round.Round} {round.Stage} {round.Iteration}: τ {round.KendallTau?.ToString("F3", CultureInfo.InvariantCulture) ?? "-"}, best predicted {round.BestPredicted?.ToString("F4", CultureInfo.InvariantCulture) ?? "-"}, fitted on {round.FittedOn}"));
        }
        var table = await store.GetLatencyTableAsync(id);
        return new CampaignRun(wall, done, rounds, table.Count);
    }

    /// <summary>mobilenet_v2's proxy view trained by the given proxy settings: its validation accuracy.</summary>
    private static double TrainMobileNetV2(CampaignSpec spec, ProxySpec proxy)
    {
        var plan = ProxyTrainingPlan.FromSpec(proxy);
        var task = ProxyTask.Load(plan.Dataset, plan.Data);
        var target = BuiltinArchitectures.MobileNetV2 with { Input = spec.Target.Input, Classes = spec.Target.Classes };
        var evaluator = new ChildEvaluator(task, plan.Training with { Threads = Environment.ProcessorCount }, new LatencyOptions { Threads = 1 });
        return evaluator.Evaluate(target).Training.ValidationTop1;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private sealed record CampaignRun(double WallSeconds, IReadOnlyList<Child> Children, IReadOnlyList<SearchRound> Rounds, int TableEntries);
}
