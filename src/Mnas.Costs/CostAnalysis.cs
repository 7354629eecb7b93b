using Mnas.Costs.Graph;
using Mnas.Costs.Memory;
using Mnas.SearchSpace.Architectures;

namespace Mnas.Costs;

/// <summary>The static costs of an architecture, from its operator graph; nothing is built or run.</summary>
public static class CostAnalysis
{
    public static CostReport Analyze(Architecture architecture) => Analyze(LayerGraph.FromArchitecture(architecture));

    public static CostReport Analyze(LayerGraph graph)
    {
        ArgumentNullException.ThrowIfNull(graph);
        return new CostReport(graph.Params, graph.Macs, graph.ParamBytes, LifetimeAnalysis.Peak(graph).Bytes);
    }
}
