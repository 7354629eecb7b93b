using Mnas.Costs.Graph;
using Mnas.Costs.Memory;
using Mnas.SearchSpace.Supernet;

namespace Mnas.Workers.Supernet;

/// <summary>
/// The costs of every candidate at every position of a target's supernet, so that a subnet's costs are sums (and a
/// maximum) instead of an analysis: latency from the lookup table, parameters, multiply-adds and peak activation bytes
/// from the operator graph of each candidate's uniform architecture — a layer's operators, and the tensors live while
/// they run (its input, its intermediates, its output), depend only on its position's shapes, not on the other layers'
/// candidates. The fixed part (stem, head, classifier) is what the graph holds outside the layers.
/// </summary>
public static class SupernetCostTable
{
    public static SupernetCosts Of(SupernetSpace target, SupernetLatency lookup)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(lookup);
        var (positions, count) = (target.Positions.Count, target.Candidates.Count);
        if (lookup.Resolutions != 1 || lookup.Widths != 1 || lookup.Entries.Count != positions * count)
        {
            throw new ArgumentException($"lookup: one resolution, one width, and {positions} positions × {count} candidates, as the target has", nameof(lookup));
        }
        var layers = Enumerable.Range(0, positions).Select(_ => new SupernetLayerCost?[count]).ToArray();
        var graphs = target.Candidates.Select((c, i) => (c, i)).Where(x => !x.c.IsSkip)
            .Zip(target.CandidateArchitectures(), (x, architecture) => (Index: x.i, Graph: LayerGraph.FromArchitecture(architecture))).ToList();
        foreach (var (candidate, graph) in graphs)
        {
            var live = LifetimeAnalysis.LiveBytesPerStep(LifetimeAnalysis.ToTensorNodes(graph));
            for (var p = 0; p < positions; p++)
            {
                if (target.Offers(p, candidate))
                {
                    var layer = graph.Layers[p];
                    layers[p][candidate] = new SupernetLayerCost(Latency(lookup, p, candidate, count), layer.Params, layer.Macs,
                        live[layer.FirstNodeId..(layer.OutputNodeId + 1)].Max());
                }
            }
        }
        for (var c = 0; c < count; c++)
        {
            if (target.Candidates[c].IsSkip)
            {
                for (var p = 0; p < positions; p++)
                {
                    layers[p][c] = target.Offers(p, c) ? new SupernetLayerCost(Latency(lookup, p, c, count), 0, 0, 0) : null;
                }
            }
        }
        return new SupernetCosts(Fixed(graphs[0].Graph, lookup), layers);
    }

    /// <summary>Stem, head and classifier: the graph's totals less its layers', and the peak over the steps outside them.</summary>
    private static SupernetLayerCost Fixed(LayerGraph graph, SupernetLatency lookup)
    {
        var live = LifetimeAnalysis.LiveBytesPerStep(LifetimeAnalysis.ToTensorNodes(graph));
        var outside = Enumerable.Range(0, live.Length).Where(step => !graph.Layers.Any(l => step >= l.FirstNodeId && step <= l.OutputNodeId));
        return new SupernetLayerCost(lookup.FixedMs, graph.Params - graph.Layers.Sum(l => l.Params), graph.Macs - graph.Layers.Sum(l => l.Macs),
            outside.Max(step => live[step]));
    }

    private static double Latency(SupernetLatency lookup, int position, int candidate, int count) => lookup.Entries[(position * count) + candidate];
}
