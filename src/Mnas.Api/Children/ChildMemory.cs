using Mnas.Costs.Graph;
using Mnas.Costs.Memory;
using Mnas.SearchSpace.Architectures;

namespace Mnas.Api.Children;

/// <summary>A child's memory breakdown and lifetime chart, from its target view's operator graph (nothing is built or run).</summary>
public static class ChildMemory
{
    public static ChildMemoryResponse Of(long sequence, string architecture, Architecture target)
    {
        ArgumentNullException.ThrowIfNull(target);
        var graph = LayerGraph.FromArchitecture(target);
        var nodes = LifetimeAnalysis.ToTensorNodes(graph);
        var live = LifetimeAnalysis.LiveBytesPerStep(nodes);
        var peak = LifetimeAnalysis.Peak(nodes);
        var steps = graph.Nodes.Select((node, step) => new LiveBytesStep(step, node.Name, node.Kind, node.OutputBytes, live[step])).ToList();
        return new ChildMemoryResponse(sequence, architecture, graph.ParamBytes, peak.Bytes, graph.ParamBytes + peak.Bytes, peak.Step,
            graph.Nodes[peak.Step].Name, steps);
    }
}
