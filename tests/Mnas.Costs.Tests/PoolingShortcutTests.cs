using Mnas.Costs.Graph;
using Mnas.SearchSpace.Architectures;

namespace Mnas.Costs.Tests;

public class PoolingShortcutTests
{
    private static LayerGraph Graph(int stemChannels, BlockSpec block) =>
        LayerGraph.FromArchitecture(TestArchitectures.Make(new InputShape(3, 5, 5), stemChannels, 8, block));

    private static IReadOnlyList<OpNode> LayerNodes(LayerGraph graph) =>
        graph.Nodes.Skip(graph.Layers[0].FirstNodeId).Take(graph.Layers[0].OutputNodeId - graph.Layers[0].FirstNodeId + 1).ToList();

    [Fact]
    public void a_strided_channel_changing_layer_pools_then_projects_its_shortcut()
    {
        // 4×5×5 → DepthwiseConv k3 stride 2 to 8 channels → 8×3×3.
        var graph = Graph(4, new BlockSpec(ConvOp.DepthwiseConv, 1, 3, 0, SkipOp.Pooling, 8, 1, 2));
        var layer = graph.Layers[0];
        Assert.Equal(LayerShortcut.Pooled, layer.Config.Shortcut);
        var nodes = LayerNodes(graph);
        Assert.Equal(
            new[] { "b0.l0.dw.conv", "b0.l0.dw.bn", "b0.l0.dw.act", "b0.l0.project.conv", "b0.l0.project.bn", "b0.l0.shortcut.pool", "b0.l0.shortcut.conv", "b0.l0.shortcut.bn", "b0.l0.add" },
            nodes.Select(n => n.Name));
        var pool = nodes[5];
        Assert.Equal(OpKind.AvgPool, pool.Kind);
        Assert.Equal(new[] { layer.FirstNodeId - 1 }, pool.Inputs);     // the layer input, stem.act
        Assert.Equal(new TensorShape(4, 3, 3), pool.Output);             // ceil(5 / 2) = 3
        Assert.Equal(new[] { nodes[4].Id, nodes[7].Id }, nodes[8].Inputs);
        Assert.Equal(new TensorShape(8, 3, 3), nodes[8].Output);
        // depthwise 4·9 = 36 + BN 8; project 4·8 = 32 + BN 16; shortcut 1×1 4·8 = 32 + BN 16.
        Assert.Equal(140, layer.Params);
        // depthwise 4·3·3·9 = 324; project 8·3·3·4 = 288; shortcut 8·3·3·4 = 288.
        Assert.Equal(900, layer.Macs);
    }

    [Fact]
    public void a_strided_layer_that_keeps_its_channels_only_pools_its_shortcut()
    {
        var graph = Graph(4, new BlockSpec(ConvOp.DepthwiseConv, 1, 3, 0, SkipOp.Pooling, 4, 1, 2));
        var nodes = LayerNodes(graph);
        Assert.Equal(new[] { "b0.l0.shortcut.pool", "b0.l0.add" }, nodes.TakeLast(2).Select(n => n.Name));
        Assert.DoesNotContain(nodes, n => n.Name.StartsWith("b0.l0.shortcut.conv", StringComparison.Ordinal));
        // depthwise 36 + 8, project 4·4 = 16 + 8.
        Assert.Equal(68, graph.Layers[0].Params);
    }

    [Fact]
    public void an_unstrided_channel_changing_layer_only_projects_its_shortcut()
    {
        var graph = Graph(4, new BlockSpec(ConvOp.DepthwiseConv, 1, 3, 0, SkipOp.Pooling, 8, 1, 1));
        var nodes = LayerNodes(graph);
        Assert.Equal(new[] { "b0.l0.shortcut.conv", "b0.l0.shortcut.bn", "b0.l0.add" }, nodes.TakeLast(3).Select(n => n.Name));
        Assert.Equal(new[] { graph.Layers[0].FirstNodeId - 1 }, nodes[^3].Inputs);
        Assert.Equal(8 * 5 * 5 * 4, nodes[^3].Macs);
    }

    [Fact]
    public void pooling_where_shapes_match_is_the_identity()
    {
        var graph = Graph(4, new BlockSpec(ConvOp.DepthwiseConv, 1, 3, 0, SkipOp.Pooling, 4, 2, 1));
        Assert.All(graph.Layers, l => Assert.Equal(LayerShortcut.Identity, l.Config.Shortcut));
        Assert.DoesNotContain(graph.Nodes, n => n.Name.Contains("shortcut", StringComparison.Ordinal));
        var add = graph.Nodes[graph.Layers[1].OutputNodeId];
        Assert.Equal(new[] { add.Id - 1, graph.Layers[0].OutputNodeId }, add.Inputs);
    }
}
