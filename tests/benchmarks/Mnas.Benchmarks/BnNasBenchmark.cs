using System.Diagnostics;
using System.Globalization;
using Mnas.SearchSpace.Architectures;
using Mnas.SearchSpace.Spec;
using Mnas.SearchSpace.Supernet;
using Mnas.Strategies.BnNas;
using Mnas.Strategies.Statistics;
using Mnas.Workers.Datasets;
using Mnas.Workers.Evaluation;
using Mnas.Workers.Latency;
using Mnas.Workers.Supernet;
using Mnas.Workers.Training;

namespace Mnas.Benchmarks;

/// <summary>
/// BN-NAS against SPOS on Fashion-MNIST (the proxy task) and this machine's CPU: the same single-path supernet trained
/// BN-only for its share of the epochs and fully for all of them, timed; random subnets of the space scored both ways
/// (the BN indicator; the inherited-weight validation accuracy after recalibrating batch norms), each score timed side by
/// side, and trained from scratch with the children's recipe (Kendall's τ-b of each score against that accuracy); then
/// the evolution over the indicator within a latency limit that binds, and its subnet trained from scratch too.
/// </summary>
internal static class BnNasBenchmark
{
    /// <summary>How many times the indicator of one subnet is summed to time it (one sum is well under a microsecond).</summary>
    private const int IndicatorRepetitions = 10_000;

    public static int Run(BnNasSettings settings)
    {
        DatasetFetcher.Fetch("fashion-mnist");
        var spec = settings.Spec();
        var plan = ProxyTrainingPlan.FromSpec(spec.Proxy);
        var task = ProxyTask.Load(plan.Dataset, plan.Data);
        var recipe = plan.Training with { Threads = Environment.ProcessorCount };
        var names = spec.Bnnas.Candidates;
        var candidates = names.Select(SupernetCandidate.Parse).ToList();
        var proxy = new SupernetSpace(SupernetFrames.Proxy(spec, new InputShape(task.Input.Channels, task.Input.Height, task.Input.Width), task.Classes),
            candidates);
        var target = new SupernetSpace(SupernetFrames.Target(spec), candidates);

        var latency = new LatencyOptions { Threads = 1 };
        var table = new LatencyTable("cpu bench-bnnas", latency.Threads);
        var tableClock = Stopwatch.StartNew();
        LatencyLookup.Fill(table, target.CandidateArchitectures(), latency);
        using var lookup = SupernetLatency.From(target, table);
        var costs = SupernetCostTable.Of(target, lookup);
        Console.WriteLine(Invariant($"lookup table: {table.Entries.Count} operators timed in {tableClock.Elapsed.TotalSeconds:F1} s"));

        var bnEpochs = BnNasSpec.BnEpochs(spec.Bnnas.Epochs, spec.Bnnas.BnShare);
        var supernets = BnNasSupernets.Train(proxy, spec.Bnnas.Epochs, bnEpochs, recipe, task);
        using var bnSearch = supernets.Bn;
        using var sposSearch = supernets.Spos;
        var (bnSeconds, sposSeconds) = (supernets.BnMedianSeconds, supernets.SposSeconds);
        var scoresClock = Stopwatch.StartNew();
        var scores = bnSearch.Scores();
        var scoresMs = scoresClock.Elapsed.TotalMilliseconds;

        var evaluator = new ChildEvaluator(task, recipe, latency);
        var subnets = new List<BnNasSubnet>();
        foreach (var choice in RandomSubnets.Draw(target, settings.Subnets, settings.Seed))
        {
            subnets.Add(Score(choice, names, scores, sposSearch, task, costs));
        }
        subnets = subnets.Select((s, i) => Train(s, i + 1, target, evaluator)).ToList();
        var noise = RetrainingNoise(subnets, target, new ChildEvaluator(task, recipe with { Seed = recipe.Seed + 1 }, latency));

        var limit = Statistics.Median(subnets.Select(s => s.TableLatencyMs));
        var evolutionClock = Stopwatch.StartNew();
        var evolution = IndicatorEvolution.Search(names, scores, costs, new SubnetConstraints { MaxLatencyMs = limit }, new EvolutionOptions
        {
            Population = spec.Bnnas.Population, Iterations = spec.Bnnas.Iterations, Parents = spec.Bnnas.Parents,
            MutationProbability = spec.Bnnas.MutationProbability, Samples = 1, Seed = (ulong)settings.Seed,
        });
        var evolutionMs = evolutionClock.Elapsed.TotalMilliseconds;
        var foundChoice = evolution.Choices[0].ToArray();
        var found = subnets.FirstOrDefault(s => s.Choice.SequenceEqual(foundChoice))
            ?? Train(Score(foundChoice, names, scores, sposSearch, task, costs), 0, target, evaluator);

        PrintTable(subnets, found);
        var withinLimit = subnets.Where(s => s.TableLatencyMs <= limit).ToList();
        var bestRandom = withinLimit.MaxBy(s => s.TrueAccuracy)!;
        var bestAny = subnets.MaxBy(s => s.TrueAccuracy)!;
        var truth = subnets.Select(s => s.TrueAccuracy).ToList();
        var indicatorPerSubnet = subnets.Average(s => s.IndicatorSeconds);
        var sposPerSubnet = subnets.Average(s => s.SposSeconds);

        Console.WriteLine("device=cpu");
        Console.WriteLine($"threads={Environment.ProcessorCount}");
        Console.WriteLine($"proxy_train_subset={settings.Subset}");
        Console.WriteLine($"child_epochs={settings.ChildEpochs}");
        Console.WriteLine($"supernet_epochs={spec.Bnnas.Epochs}");
        Console.WriteLine($"bn_epochs={bnEpochs}");
        Console.WriteLine($"random_subnets={subnets.Count}");
        Console.WriteLine($"bn_supernet_runs={supernets.BnSeconds.Count}");
        Console.WriteLine(Invariant($"bn_supernet_s={bnSeconds:F1}"));
        Console.WriteLine(Invariant($"spos_supernet_s={sposSeconds:F1}"));
        Console.WriteLine(Invariant($"supernet_speedup={sposSeconds / bnSeconds:F2}"));
        Console.WriteLine(Invariant($"bn_indicator_kendall_tau={KendallTau.TauB(subnets.Select(s => s.Indicator).ToList(), truth):F3}"));
        Console.WriteLine(Invariant($"spos_accuracy_kendall_tau={KendallTau.TauB(subnets.Select(s => s.SposAccuracy).ToList(), truth):F3}"));
        Console.WriteLine(Invariant($"true_accuracy_spread_points={(truth.Max() - truth.Min()) * 100:F2}"));
        Console.WriteLine(Invariant($"retrain_seed_noise_points={noise * 100:F2}"));
        Console.WriteLine(Invariant($"params_kendall_tau={KendallTau.TauB(subnets.Select(s => (double)s.Params).ToList(), truth):F3}"));
        Console.WriteLine(Invariant($"indicator_vs_spos_kendall_tau={KendallTau.TauB(subnets.Select(s => s.Indicator).ToList(), subnets.Select(s => s.SposAccuracy).ToList()):F3}"));
        Console.WriteLine(Invariant($"indicator_table_ms={scoresMs:F3}"));
        Console.WriteLine(Invariant($"indicator_subnet_us={indicatorPerSubnet * 1e6:F4}"));
        Console.WriteLine(Invariant($"spos_subnet_eval_s={sposPerSubnet:F3}"));
        Console.WriteLine(Invariant($"subnet_eval_speedup={sposPerSubnet / indicatorPerSubnet:F0}"));
        Console.WriteLine(Invariant($"subnet_eval_speedup_with_table={sposPerSubnet / (indicatorPerSubnet + (scoresMs / 1e3 / subnets.Count)):F0}"));
        Console.WriteLine(Invariant($"latency_limit_ms={limit:F3}"));
        Console.WriteLine(Invariant($"evolution_ms={evolutionMs:F1}"));
        Console.WriteLine($"found_subnet={found.Name}");
        Console.WriteLine(Invariant($"found_indicator={found.Indicator:F4}"));
        Console.WriteLine(Invariant($"found_accuracy={found.TrueAccuracy:F4}"));
        Console.WriteLine(Invariant($"found_latency_ms={found.TableLatencyMs:F3}"));
        Console.WriteLine(Invariant($"found_measured_latency_ms={found.MeasuredLatencyMs:F3}"));
        Console.WriteLine($"random_within_limit={withinLimit.Count}");
        Console.WriteLine(Invariant($"best_random_accuracy={bestRandom.TrueAccuracy:F4}"));
        Console.WriteLine(Invariant($"best_random_latency_ms={bestRandom.TableLatencyMs:F3}"));
        Console.WriteLine(Invariant($"found_minus_best_random={(found.TrueAccuracy - bestRandom.TrueAccuracy) * 100:F2}"));
        Console.WriteLine(Invariant($"best_random_any_latency_accuracy={bestAny.TrueAccuracy:F4}"));
        Console.WriteLine(Invariant($"found_minus_best_random_any_latency={(found.TrueAccuracy - bestAny.TrueAccuracy) * 100:F2}"));
        return 0;
    }

    /// <summary>A subnet's two scores, side by side: SPOS's validation pass (recalibration and validation), then the indicator's sum, repeated to be timed.</summary>
    private static BnNasSubnet Score(int[] choice, IReadOnlyList<string> names, IReadOnlyList<IReadOnlyList<double>> scores, SposSearch spos,
        ITrainingData data, SupernetCosts costs)
    {
        var clock = Stopwatch.StartNew();
        var accuracy = spos.ValidationAccuracy(choice, data, BnNasSettings.RecalibrationBatches);
        var sposSeconds = clock.Elapsed.TotalSeconds;
        clock.Restart();
        var indicator = 0.0;
        for (var i = 0; i < IndicatorRepetitions; i++)
        {
            indicator += BnIndicator.Score(scores, choice);
        }
        var indicatorSeconds = clock.Elapsed.TotalSeconds / IndicatorRepetitions;
        var cost = costs.Of(choice);
        var name = new SupernetChildName(choice.Select(c => names[c]).ToList()).ToString();
        return new BnNasSubnet(choice, name, cost.LatencyMs, cost.Params, indicator / IndicatorRepetitions, indicatorSeconds, accuracy, sposSeconds,
            double.NaN, double.NaN, double.NaN);
    }

    /// <summary>The subnet trained from scratch as a campaign's child is: its proxy view with the children's recipe, its target view's latency measured.</summary>
    private static BnNasSubnet Train(BnNasSubnet subnet, int index, SupernetSpace target, ChildEvaluator evaluator)
    {
        var result = evaluator.Evaluate(target.ToArchitecture(subnet.Choice, subnet.Name));
        if (result.Training.Status != ChildStatus.Succeeded)
        {
            throw new InvalidOperationException($"subnet {subnet.Name}: training {result.Training.Status}: {result.Training.FailureReason}");
        }
        var trained = subnet with
        {
            TrueAccuracy = result.Training.ValidationTop1, MeasuredLatencyMs = result.Latency!.MedianMs, TrainSeconds = result.Training.Wall.TotalSeconds,
        };
        Console.WriteLine(Invariant(
            $"subnet {(index == 0 ? "found" : index.ToString(CultureInfo.InvariantCulture))}: indicator {trained.Indicator:F4}, spos {trained.SposAccuracy:F4}, trained {trained.TrueAccuracy:F4} in {trained.TrainSeconds:F1} s"));
        return trained;
    }

    /// <summary>
    /// How far a child's accuracy moves with the training seed alone (its initialisation and dropout; the batches keep their
    /// order): the first <see cref="BnNasSettings.NoiseSubnets"/> subnets trained again with the next seed, the mean
    /// absolute difference.
    /// </summary>
    private static double RetrainingNoise(IReadOnlyList<BnNasSubnet> subnets, SupernetSpace target, ChildEvaluator reseeded)
    {
        var differences = subnets.Take(BnNasSettings.NoiseSubnets).Select((s, i) =>
        {
            var result = reseeded.Evaluate(target.ToArchitecture(s.Choice, s.Name), measureLatency: false);
            Console.WriteLine(Invariant($"subnet {i + 1} with the next seed: trained {result.Training.ValidationTop1:F4} (first seed {s.TrueAccuracy:F4})"));
            return Math.Abs(result.Training.ValidationTop1 - s.TrueAccuracy);
        }).ToList();
        return differences.Average();
    }

    private static void PrintTable(IReadOnlyList<BnNasSubnet> subnets, BnNasSubnet found)
    {
        Console.WriteLine("| subnet | name | indicator | spos accuracy | true accuracy | table latency ms | measured latency ms | params | spos eval s | train s |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|---|---|");
        foreach (var (s, i) in subnets.Select((s, i) => (s, i)).Append((found, -1)))
        {
            Console.WriteLine(Invariant(
                $"| {(i < 0 ? "found" : (i + 1).ToString(CultureInfo.InvariantCulture))} | {s.Name} | {s.Indicator:F4} | {s.SposAccuracy:F4} | {s.TrueAccuracy:F4} | {s.TableLatencyMs:F3} | {s.MeasuredLatencyMs:F3} | {s.Params} | {s.SposSeconds:F2} | {s.TrainSeconds:F1} |"));
        }
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
