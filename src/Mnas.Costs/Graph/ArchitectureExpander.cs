using Mnas.SearchSpace.Architectures;

namespace Mnas.Costs.Graph;

/// <summary>
/// Stem (k3 conv with the stem stride, BN, activation), every block layer, head (1×1 conv, BN,
/// activation, global average pool, linear classifier with bias).
/// </summary>
internal static class ArchitectureExpander
{
    public static LayerGraph Expand(Architecture architecture)
    {
        ArgumentNullException.ThrowIfNull(architecture);
        ArchitectureChecks.ThrowIfInvalid(architecture);
        var graph = new LayerGraphBuilder();
        var input = architecture.Input;
        var x = graph.Input(new TensorShape(input.Channels, input.Height, input.Width));
        x = graph.ConvBn("stem", x, architecture.StemChannels, 3, architecture.StemStride, activate: true);

        var layers = new List<BlockLayer>();
        for (var b = 0; b < architecture.Blocks.Count; b++)
        {
            for (var l = 0; l < architecture.Blocks[b].Layers; l++)
            {
                var layer = BlockLayerExpander.Expand(graph, architecture.Blocks[b], b, l, x, architecture.Activation);
                layers.Add(layer);
                x = layer.OutputNodeId;
            }
        }

        x = graph.ConvBn("head", x, architecture.HeadChannels, 1, 1, activate: true);
        x = graph.GlobalAvgPool("head.pool", x);
        graph.Linear("classifier", x, architecture.Classes);
        return new LayerGraph(architecture.Name, graph.Nodes, layers);
    }
}
