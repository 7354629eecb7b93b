using Mnas.Costs.Graph;

namespace Mnas.Costs.Memory;

/// <summary>
/// Peak activation memory by lifetime analysis (MemNAS). Nodes run one at a time in the given
/// order. A tensor is allocated when its node runs and freed once its last consumer has run, so
/// while a node runs its inputs, its output and every earlier tensor still awaited by a later node
/// (a residual input waiting for its add) are live together. A tensor nobody reads (the logits) is
/// live only while its node runs. Every node allocates its own output: in-place BatchNorm or
/// activations are not assumed, so the figure is what a plain eager executor needs, an upper bound
/// on a fusing one. Parameters are not included.
/// </summary>
public static class LifetimeAnalysis
{
    /// <summary>The live bytes while each node runs, indexed by step.</summary>
    public static long[] LiveBytesPerStep(IReadOnlyList<TensorNode> nodes)
    {
        ArgumentNullException.ThrowIfNull(nodes);
        var stepOf = new Dictionary<int, int>();
        var lastUse = new int[nodes.Count];
        for (var step = 0; step < nodes.Count; step++)
        {
            var node = nodes[step];
            if (node.OutputBytes < 0)
            {
                throw new ArgumentException($"node {node.Id} has negative output bytes {node.OutputBytes}", nameof(nodes));
            }
            foreach (var input in node.Inputs)
            {
                if (!stepOf.TryGetValue(input, out var producer))
                {
                    throw new ArgumentException($"node {node.Id} reads node {input}, which does not run before it", nameof(nodes));
                }
                lastUse[producer] = step;
            }
            if (!stepOf.TryAdd(node.Id, step))
            {
                throw new ArgumentException($"node id {node.Id} appears twice", nameof(nodes));
            }
            lastUse[step] = step;
        }

        // Each tensor adds its bytes at its producer's step and removes them after its last use.
        var change = new long[nodes.Count + 1];
        for (var step = 0; step < nodes.Count; step++)
        {
            change[step] += nodes[step].OutputBytes;
            change[lastUse[step] + 1] -= nodes[step].OutputBytes;
        }
        var live = new long[nodes.Count];
        long running = 0;
        for (var step = 0; step < nodes.Count; step++)
        {
            running += change[step];
            live[step] = running;
        }
        return live;
    }

    /// <summary>The peak of <see cref="LiveBytesPerStep"/>; ties go to the earliest node.</summary>
    public static PeakActivation Peak(IReadOnlyList<TensorNode> nodes)
    {
        var live = LiveBytesPerStep(nodes);
        if (live.Length == 0)
        {
            throw new ArgumentException("a computation needs at least one node", nameof(nodes));
        }
        var step = 0;
        for (var i = 1; i < live.Length; i++)
        {
            if (live[i] > live[step])
            {
                step = i;
            }
        }
        return new PeakActivation(live[step], nodes[step].Id, step);
    }

    /// <summary>The peak over a layer graph's nodes (batch size 1, float32).</summary>
    public static PeakActivation Peak(LayerGraph graph) => Peak(ToTensorNodes(graph));

    public static IReadOnlyList<TensorNode> ToTensorNodes(LayerGraph graph)
    {
        ArgumentNullException.ThrowIfNull(graph);
        return graph.Nodes.Select(n => new TensorNode(n.Id, n.Inputs, n.OutputBytes)).ToList();
    }
}
