using Mnas.SearchSpace.Architectures;
using Mnas.SearchSpace.Contract;
using Mnas.SearchSpace.Space;
using Mnas.SearchSpace.Spec;
using Mnas.SearchSpace.Views;

namespace Mnas.Costs.Admission;

/// <summary>
/// Finds the largest children a valid spec's space can produce without enumerating it (MnasNet's holds 540^7).
/// Every cost grows with a block's width, layers, kernel and SE ratio, so those take their largest choice. With the
/// widths fixed, each block's input and output channels are fixed too, so the blocks' op and skip can be chosen one
/// block at a time: for each block, every op × skip pair is tried with the other blocks held at a baseline, and the
/// pair that costs most is kept, for each figure separately. Parameters and multiply-adds are sums over the blocks,
/// so this finds their maximum exactly; the peak of live activations is a maximum over the network, for which it
/// finds the largest of the children it tries.
/// </summary>
public static class LargestChild
{
    private static readonly int Kinds = Enum.GetValues<DecisionKind>().Length;

    private delegate long Figure(CostReport target, CostReport proxy);

    public static LargestChildEstimate Estimate(CampaignSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var space = new ModelSpace(spec);
        var dataset = ProxyDatasets.Find(spec.Proxy.Dataset)
            ?? throw new ArgumentException($"proxy.dataset: unknown data set '{spec.Proxy.Dataset}'", nameof(spec));
        var choices = spec.SearchSpace;
        var baseline = new int[space.Decisions.Count];
        for (var block = 0; block < spec.Skeleton.Blocks.Count; block++)
        {
            baseline[Position(block, DecisionKind.Kernel)] = IndexOfMax(choices.Kernels.Select(k => (double)k));
            baseline[Position(block, DecisionKind.Se)] = IndexOfMax(choices.SeRatios);
            baseline[Position(block, DecisionKind.Width)] = IndexOfMax(choices.Widths);
            baseline[Position(block, DecisionKind.Layers)] = IndexOfMax(choices.LayerDeltas.Select(d => (double)d));
        }

        (CostReport Target, CostReport Proxy) Costs(int[] tokens)
        {
            var target = space.Freeze(space.FromTokens(tokens));
            var proxy = ArchitectureViews.Proxy(target, dataset.Input, dataset.Classes);
            return (CostAnalysis.Analyze(target), CostAnalysis.Analyze(proxy));
        }

        // Each block's op × skip pairs, costed once with the other blocks at the baseline.
        var tried = new List<(int Op, int Skip, CostReport Target, CostReport Proxy)>[spec.Skeleton.Blocks.Count];
        for (var block = 0; block < tried.Length; block++)
        {
            tried[block] = [];
            for (var op = 0; op < choices.Ops.Count; op++)
            {
                for (var skip = 0; skip < choices.Skips.Count; skip++)
                {
                    var tokens = (int[])baseline.Clone();
                    tokens[Position(block, DecisionKind.Op)] = op;
                    tokens[Position(block, DecisionKind.Skip)] = skip;
                    var (target, proxy) = Costs(tokens);
                    tried[block].Add((op, skip, target, proxy));
                }
            }
        }

        int[] Largest(Figure figure)
        {
            var tokens = (int[])baseline.Clone();
            for (var block = 0; block < tried.Length; block++)
            {
                var best = tried[block].MaxBy(t => figure(t.Target, t.Proxy));
                tokens[Position(block, DecisionKind.Op)] = best.Op;
                tokens[Position(block, DecisionKind.Skip)] = best.Skip;
            }

            return tokens;
        }

        long Measure(Figure figure) => Costs(Largest(figure)) is var (target, proxy) ? figure(target, proxy) : 0;

        var batch = spec.Proxy.BatchSize;
        var byParams = Largest((t, p) => Math.Max(t.Params, p.Params));
        return new LargestChildEstimate(
            Params: Measure((t, p) => Math.Max(t.Params, p.Params)),
            TargetMacs: Measure((t, _) => t.Macs),
            ProxyMacs: Measure((_, p) => p.Macs),
            TargetPeakActivationBytes: Measure((t, _) => t.PeakActivationBytes),
            ProxyPeakActivationBytes: Measure((_, p) => p.PeakActivationBytes),
            ProxyBatchActivationBytes: checked(Measure((_, p) => p.PeakActivationBytes) * batch),
            LargestByParams: space.Freeze(space.FromTokens(byParams)));
    }

    private static int Position(int block, DecisionKind kind) => block * Kinds + (int)kind;

    private static int IndexOfMax(IEnumerable<double> values) =>
        values.Select((value, index) => (value, index)).MaxBy(p => p.value).index;
}
