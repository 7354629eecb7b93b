using System.Globalization;
using Mnas.Campaigns;
using Mnas.Costs.Memory;
using Mnas.Grains;
using Mnas.SearchSpace.Architectures;
using Mnas.SearchSpace.Predictor;
using Mnas.SearchSpace.Space;
using Mnas.SearchSpace.Spec;
using Mnas.Strategies.Memnas.Ranking;
using Mnas.Strategies.Statistics;
using Mnas.Workers.Datasets;

namespace Mnas.Benchmarks;

/// <summary>
/// MemNAS on Fashion-MNIST: a memnas campaign grown and trimmed from mobilenet_v2 (its first child, so mobilenet_v2 trains
/// by the same recipe), the deployed network being the proxy classifier itself (1×28×28, 10 classes, stem stride 1: the
/// network costed is the network trained). The found network is
/// the child of least memory (parameters plus peak activations, target view) within one point of mobilenet_v2's accuracy.
/// The ranking controller is compared with the absolute predictor of MemNAS's ablation on the campaign's own rounds: for
/// each round from the second, each ranker is fitted from its initial weights on the rounds before it and ranks that
/// round's candidates; Kendall's τ against their measured memory efficiency, over the candidates that trained.
/// </summary>
internal static class MemnasBenchmark
{
    public static async Task<int> Run(int subset, int epochs, int rounds, int topK)
    {
        DatasetFetcher.Fetch("fashion-mnist");
        var spec = new CampaignSpec
        {
            Name = "bench-memnas",
            SearchSpace = new SearchSpaceSpec { LayerDeltas = [-3, -2, -1, 0, 1] },
            // Stem stride 1 is what the proxy view makes of it at 28×28: the network costed is the one trained.
            Skeleton = new SkeletonSpec { StemStride = 1 },
            Target = new TargetSpec { Input = new InputShape(1, 28, 28), Classes = 10 },
            Proxy = new ProxySpec { Epochs = epochs, TrainSubsetSize = subset, BatchSize = 64 },
            Reward = new RewardSpec { Kind = RewardSpec.MemoryKind },
            Memnas = new MemnasSpec { Base = NamedSamples.MobileNetV2, Rounds = rounds, TopK = topK, Patience = rounds },
        };
        var children = spec.Memnas.TrainedChildren();
        var root = Directory.CreateTempSubdirectory("mnas-bench-memnas-").FullName;
        try
        {
            var settings = new CampaignSettings("memnas", MaxChildren: children);
            var (wall, done, recorded) = await RunCampaignAsync(root, spec, settings);
            var space = new ModelSpace(spec);
            var footprints = done.ToDictionary(c => c.Sequence, c => MemoryFootprint.Of(space.Freeze(space.Parse(c.Architecture))));
            var mv2 = done.Single(c => c.Sequence == 1);
            var mv2Accuracy = mv2.Metrics!.Accuracy;
            var mv2Memory = footprints[mv2.Sequence];
            var best = done.Where(c => c.Metrics!.Accuracy >= mv2Accuracy - 0.01).MinBy(c => footprints[c.Sequence].TotalBytes)!;
            var bestMemory = footprints[best.Sequence];
            var finalBase = recorded.LastOrDefault(r => r.NextBase != null)?.NextBase ?? recorded.First().Base!;
            var (scc, absolute, heldOutRounds) = HeldOutTau(space, spec, recorded);
            var campaignPoints = recorded.Where(r => r.RankedBy == "controller" && r.KendallTau is not null).Select(r => r.KendallTau!.Value).ToList();

            Console.WriteLine("device=cpu");
            Console.WriteLine($"threads={Environment.ProcessorCount}");
            Console.WriteLine($"proxy_train_subset={subset}");
            Console.WriteLine($"proxy_epochs={epochs}");
            Console.WriteLine($"rounds={recorded.Count(r => r.Stage == SearchRound.GrowTrim)}");
            Console.WriteLine($"top_k={topK}");
            Console.WriteLine($"memnas_children={done.Count}");
            Console.WriteLine(Invariant($"memnas_wall_s={wall:F1}"));
            Console.WriteLine($"final_base={finalBase.Architecture.Replace(' ', ',')}");
            Console.WriteLine(Invariant($"final_base_val_acc={finalBase.Accuracy:F4}"));
            Console.WriteLine(Invariant($"final_base_peak_memory_kb={finalBase.TotalBytes / 1024.0:F1}"));
            Console.WriteLine($"memnas_best_child={best.Sequence}");
            Console.WriteLine(Invariant($"memnas_best_param_kb={bestMemory.ParamBytes / 1024.0:F1}"));
            Console.WriteLine(Invariant($"memnas_best_activation_kb={bestMemory.PeakActivationBytes / 1024.0:F1}"));
            Console.WriteLine(Invariant($"mv2_param_kb={mv2Memory.ParamBytes / 1024.0:F1}"));
            Console.WriteLine(Invariant($"mv2_activation_kb={mv2Memory.PeakActivationBytes / 1024.0:F1}"));
            Console.WriteLine(Invariant($"campaign_round_tau={(campaignPoints.Count > 0 ? campaignPoints.Average() : double.NaN):F3}"));
            Console.WriteLine($"held_out_rounds={heldOutRounds}");
            Console.WriteLine(Invariant($"memnas_best_val_acc={best.Metrics!.Accuracy:F4}"));
            Console.WriteLine(Invariant($"memnas_best_peak_memory_kb={bestMemory.TotalBytes / 1024.0:F1}"));
            Console.WriteLine(Invariant($"mv2_val_acc={mv2Accuracy:F4}"));
            Console.WriteLine(Invariant($"mv2_peak_memory_kb={mv2Memory.TotalBytes / 1024.0:F1}"));
            Console.WriteLine(Invariant($"memory_saving={1 - (double)bestMemory.TotalBytes / mv2Memory.TotalBytes:F4}"));
            Console.WriteLine(Invariant($"scc_kendall_tau={scc:F3}"));
            Console.WriteLine(Invariant($"absolute_predictor_kendall_tau={absolute:F3}"));
            return 0;
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    /// <summary>Mean over the rounds from the second (with at least two trained candidates) of each ranker's τ on that round, fitted on the rounds before it.</summary>
    private static (double Scc, double Absolute, int Rounds) HeldOutTau(ModelSpace space, CampaignSpec spec, IReadOnlyList<SearchRound> recorded)
    {
        var rounds = recorded.Where(r => r.Stage == SearchRound.GrowTrim && r.Candidates is not null && r.Base is not null)
            .Select(r => new RankingRound(space.Parse(r.Base!.Architecture), r.Candidates!.Select(c => space.Parse(c.Architecture)).ToList(),
                r.Candidates!.Select(c => c.Measured).ToList()))
            .ToList();
        var options = new RankerOptions
        {
            HiddenUnits = spec.Memnas.HiddenUnits, Epochs = spec.Memnas.ControllerEpochs, LearningRate = spec.Memnas.ControllerLearningRate, Seed = 7,
        };
        var scc = new List<double>();
        var absolute = new List<double>();
        for (var t = 1; t < rounds.Count; t++)
        {
            var measured = Enumerable.Range(0, rounds[t].Candidates.Count).Where(i => rounds[t].Measured[i] is not null).ToList();
            if (measured.Count < 2)
            {
                continue;
            }
            var y = measured.Select(i => rounds[t].Measured[i]!.Value).ToList();
            double Tau(ICandidateRanker ranker)
            {
                using (ranker)
                {
                    ranker.Fit(rounds.Take(t).ToList());
                    var scores = ranker.Score(rounds[t].Base, rounds[t].Candidates);
                    return KendallTau.TauB(measured.Select(i => scores[i]).ToList(), y);
                }
            }
            scc.Add(Tau(new StructureCorrelationController(space, options)));
            absolute.Add(Tau(new AbsolutePredictor(space, options)));
        }
        return scc.Count == 0 ? (double.NaN, double.NaN, 0) : (scc.Average(), absolute.Average(), scc.Count);
    }

    private static async Task<(double Wall, IReadOnlyList<Child> Done, IReadOnlyList<SearchRound> Rounds)> RunCampaignAsync(
        string root, CampaignSpec spec, CampaignSettings settings)
    {
        const string id = "memnas";
        await using var run = await EmbeddedCampaign.RunAsync(root, id, spec, settings);
        var store = run.Store;
        var wall = run.WallSeconds;
        var done = await store.ListChildrenAsync(id, Mnas.Campaigns.ChildStatus.Done);
        foreach (var child in done)
        {
            Console.WriteLine(Invariant($"child {child.Sequence} {child.Architecture}: val acc {child.Metrics!.Accuracy:F4}, reward {child.Reward:F4}, {child.Metrics.Params} params, {child.Metrics.PeakActivationBytes} activation bytes"));
        }
        var rounds = (await store.ListSearchRoundsAsync(id)).Select(r => SearchRound.FromJson(r.Json)).ToList();
        foreach (var round in rounds.Where(r => r.Candidates is not null))
        {
            Console.WriteLine(Invariant($"round {round.Iteration} ({round.RankedBy}): base {round.Base!.Accuracy:F4} {round.Base.TotalBytes / 1024.0:F1} KiB, τ {round.KendallTau?.ToString("F3", CultureInfo.InvariantCulture) ?? "-"}, next base {(round.NextBase is { } next ? $"child {next.Sequence}" : "kept")}"));
            foreach (var candidate in round.Candidates!.Where(c => c.Sequence is not null))
            {
                Console.WriteLine(Invariant($"  {candidate.Operation}: rank {candidate.PredictedRank} → {candidate.MeasuredRank}, acc {candidate.Accuracy:F4}, y {candidate.Measured:F4}, {(candidate.ParamBytes + candidate.PeakActivationBytes) / 1024.0:F1} KiB"));
            }
        }
        return (wall, done, rounds);
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
