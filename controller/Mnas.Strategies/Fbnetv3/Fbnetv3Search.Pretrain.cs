using Mnas.Costs;
using Mnas.SearchSpace.Predictor;

namespace Mnas.Strategies.Fbnetv3;

internal sealed partial class Fbnetv3Search
{
    /// <summary>
    /// Pretrains the predictor's encoder on free labels: the parameters and multiply-adds of random architectures (each
    /// with a random recipe), from the cost model, without the engine. Reported as round 1, stage <c>pretrain</c>.
    /// </summary>
    private async Task<Fbnetv3State> PretrainAsync(CancellationToken cancellation)
    {
        // Seconds of work: on the thread pool, not the engine's scheduler (a campaign grain's).
        var loss = await Task.Run(() => Pretrain(cancellation), CancellationToken.None);

        var state = new Fbnetv3State { Stage = Fbnetv3Stage.Coarse, NextRound = 2 };
        var round = new SearchRound(1, SearchRound.Pretrain) { PretrainLoss = double.IsFinite(loss) ? loss : null };
        return await FinishStepAsync(state, [round], [], cancellation);
    }

    /// <summary>The random pairs, their cost labels and the predictor's pretraining on them; returns the final loss.</summary>
    private double Pretrain(CancellationToken cancellation)
    {
        var rng = StageSeeds.Pretrain(options.Seed);
        var pairs = Enumerable.Range(0, Spec.PretrainArchitectures).Select(_ => new Pair(space.Random(rng), recipes.Random(rng))).ToList();
        var costs = new Dictionary<string, ArchitectureCosts>(StringComparer.Ordinal);
        var labels = new List<ArchitectureCosts>(pairs.Count);
        foreach (var pair in pairs)
        {
            cancellation.ThrowIfCancellationRequested();
            if (!costs.TryGetValue(pair.Sample.Canonical, out var label))
            {
                var report = CostAnalysis.Analyze(space.Freeze(pair.Sample));
                costs[pair.Sample.Canonical] = label = new ArchitectureCosts(0, report.Params, report.Macs, report.PeakActivationBytes);
            }
            labels.Add(label);
        }
        return predictor.Pretrain(pairs.Select(Encode).ToList(), labels);
    }
}
