using System.Diagnostics;
using System.Globalization;
using Mnas.Campaigns;
using Mnas.Grains;
using Mnas.SearchSpace.Architectures;
using Mnas.SearchSpace.Spec;
using Mnas.Workers.Datasets;
using Mnas.Workers.Evaluation;
using Mnas.Workers.Latency;
using Mnas.Workers.Training;

namespace Mnas.Benchmarks;

/// <summary>
/// FBNet's and FBNetV2's searches against mobilenet_v2 and against an RL campaign of the same wall time, on Fashion-MNIST
/// (the proxy task) and this machine's CPU (the device): each differentiable campaign trains its supernet (MobileNetV2's
/// skeleton, FBNet's nine candidates, straight-through hard sampling so one candidate per layer runs, τ annealed over
/// 8 epochs) and then the
/// children it draws; mobilenet_v2's proxy view is trained with the same recipe and its target view timed alike; the RL
/// campaign gets the fbnet campaign's whole wall time.
/// </summary>
internal static class DnasBenchmark
{
    public static async Task<int> Run(int subset, int epochs)
    {
        DatasetFetcher.Fetch("fashion-mnist");
        var spec = new CampaignSpec
        {
            Name = "bench-dnas",
            Target = new TargetSpec { Input = new InputShape(3, 64, 64), Classes = 10 },
            Proxy = new ProxySpec { Epochs = epochs, TrainSubsetSize = subset, BatchSize = 64 },
            // FBNet anneals τ over 90 epochs (× 0.956 each); this short search anneals it over 8 to about 1 (× 0.8 each), and θ
            // learns faster to match. α, β and the candidates are FBNet's; FBNet's six children are drawn.
            Dnas = new DnasSpec
            {
                Epochs = 8, WarmupEpochs = 2, TemperatureDecay = 0.8, ThetaLearningRate = 0.05, Hard = true, Samples = 6, Widths = [0.5, 0.75, 1.0],
                Resolutions = [1, 2],
            },
        };
        var root = Directory.CreateTempSubdirectory("mnas-bench-dnas-").FullName;
        try
        {
            var mv2 = TrainMobileNetV2(spec);
            Console.WriteLine(Invariant($"mobilenet_v2: val acc {mv2.Accuracy:F4}, latency {mv2.LatencyMs:F2} ms ({mv2.Seconds:F0} s)"));
            var fbnet = await RunCampaignAsync(root, spec, "fbnet", new CampaignSettings("fbnet", MaxChildren: spec.Dnas.Samples));
            var fbnetv2 = await RunCampaignAsync(root, spec, "fbnetv2", new CampaignSettings("fbnetv2", MaxChildren: spec.Dnas.Samples));
            var rl = await RunCampaignAsync(root, spec, "rl", new CampaignSettings("rl", MaxChildren: 1000, MaxHours: fbnet.WallSeconds / 3600, Minibatch: 4));

            Console.WriteLine("device=cpu");
            Console.WriteLine($"threads={Environment.ProcessorCount}");
            Console.WriteLine($"proxy_train_subset={subset}");
            Console.WriteLine($"proxy_epochs={epochs}");
            Console.WriteLine(Invariant($"mv2_val_acc={mv2.Accuracy:F4}"));
            Console.WriteLine(Invariant($"mv2_latency_ms={mv2.LatencyMs:F3}"));
            Report("dnas", fbnet, mv2);
            Report("fbnetv2", fbnetv2, mv2);
            Console.WriteLine($"rl_equal_budget_children={rl.Children.Count}");
            Console.WriteLine(Invariant($"rl_equal_budget_wall_s={rl.WallSeconds:F1}"));
            Console.WriteLine(Invariant($"rl_equal_budget_best_val_acc={Best(rl)?.Accuracy ?? double.NaN:F4}"));
            return 0;
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private static void Report(string prefix, CampaignRun run, Mv2 mv2)
    {
        var best = Best(run);
        var dominates = run.Children.Any(c => c.Accuracy >= mv2.Accuracy && c.LatencyMs <= 0.8 * mv2.LatencyMs);
        Console.WriteLine(Invariant($"{prefix}_search_s={run.SupernetSeconds:F1}"));
        Console.WriteLine(Invariant($"{prefix}_wall_s={run.WallSeconds:F1}"));
        Console.WriteLine($"{prefix}_children={run.Children.Count}");
        Console.WriteLine(Invariant($"{prefix}_best_val_acc={best?.Accuracy ?? double.NaN:F4}"));
        Console.WriteLine(Invariant($"{prefix}_best_latency_ms={best?.LatencyMs ?? double.NaN:F3}"));
        Console.WriteLine($"{prefix}_dominates_mv2={(dominates ? 1 : 0)}");
    }

    private static ChildMetrics? Best(CampaignRun run) => run.Children.OrderByDescending(c => c.Accuracy).FirstOrDefault();

    private static async Task<CampaignRun> RunCampaignAsync(string root, CampaignSpec spec, string id, CampaignSettings settings)
    {
        await using var run = await EmbeddedCampaign.RunAsync(root, id, spec, settings);
        var store = run.Store;
        var wall = run.WallSeconds;
        var epochs = await store.ListSupernetEpochsAsync(id);
        var done = await store.ListChildrenAsync(id, Mnas.Campaigns.ChildStatus.Done);
        var children = done.Select(c => c.Metrics!).ToList();
        foreach (var epoch in epochs)
        {
            Console.WriteLine(Invariant($"{id} supernet epoch {epoch.Epoch}: loss {epoch.Loss:F4}, τ {epoch.Temperature:F3}, expected latency {epoch.ExpectedLatencyMs:F2} ms ({epoch.Seconds:F0} s)"));
        }
        foreach (var child in done)
        {
            Console.WriteLine(Invariant($"{id} child {child.Sequence} {child.Architecture}: val acc {child.Metrics!.Accuracy:F4}, latency {child.Metrics.LatencyMs:F2} ms, {child.Metrics.Params} params"));
        }
        var supernetSeconds = (await store.ListEventsAsync(id, limit: 1000)).FirstOrDefault(e => e.Kind == "supernet-trained") is { } trained
            ? (trained.At - (await store.ListEventsAsync(id, limit: 1)).First().At).TotalSeconds
            : 0;
        return new CampaignRun(wall, supernetSeconds, children);
    }

    private static Mv2 TrainMobileNetV2(CampaignSpec spec)
    {
        var plan = ProxyTrainingPlan.FromSpec(spec.Proxy);
        var task = ProxyTask.Load(plan.Dataset, plan.Data);
        var target = BuiltinArchitectures.MobileNetV2 with { Input = spec.Target.Input, Classes = spec.Target.Classes };
        var evaluator = new ChildEvaluator(task, plan.Training with { Threads = Environment.ProcessorCount },
            new LatencyOptions { Threads = 1 });
        var clock = Stopwatch.StartNew();
        var result = evaluator.Evaluate(target);
        return new Mv2(result.Training.ValidationTop1, result.Latency!.MedianMs, clock.Elapsed.TotalSeconds);
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private sealed record CampaignRun(double WallSeconds, double SupernetSeconds, IReadOnlyList<ChildMetrics> Children);

    private sealed record Mv2(double Accuracy, double LatencyMs, double Seconds);
}
