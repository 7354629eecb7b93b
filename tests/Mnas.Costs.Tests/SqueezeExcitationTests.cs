using Mnas.Costs.Graph;
using Mnas.SearchSpace.Architectures;

namespace Mnas.Costs.Tests;

public class SqueezeExcitationTests
{
    [Fact]
    public void an_mbconv_layer_with_se_counts_834_parameters_and_9696_multiply_adds()
    {
        // Stem gives 8×4×4; MBConv e3 k3 SE 0.25 to 8 channels: hidden 24, squeeze ⌊8·0.25⌋ = 2.
        var graph = LayerGraph.FromArchitecture(TestArchitectures.Make(
            new InputShape(3, 4, 4), 8, 16, new BlockSpec(ConvOp.MBConv, 3, 3, 0.25, SkipOp.Identity, 8, 1, 1)));
        var layer = Assert.Single(graph.Layers);
        Assert.Equal(2, layer.Config.SeSqueeze);
        // expand 8·24 = 192 + BN 48; depthwise 24·9 = 216 + BN 48;
        // SE reduce 24·2 + 2 = 50, SE expand 2·24 + 24 = 72; project 24·8 = 192 + BN 16.
        Assert.Equal(192 + 48 + 216 + 48 + 50 + 72 + 192 + 16, layer.Params);
        Assert.Equal(834, layer.Params);
        // expand 24·4·4·8 = 3,072; depthwise 24·4·4·9 = 3,456; SE 24·2 + 2·24 = 96; project 8·4·4·24 = 3,072.
        Assert.Equal(9_696, layer.Macs);
    }

    [Fact]
    public void se_gates_the_depthwise_output_before_the_projection()
    {
        var graph = LayerGraph.FromArchitecture(TestArchitectures.Make(
            new InputShape(3, 4, 4), 8, 16, new BlockSpec(ConvOp.MBConv, 3, 3, 0.25, SkipOp.Identity, 8, 1, 1)));
        var layer = graph.Nodes.Skip(graph.Layers[0].FirstNodeId).Take(graph.Layers[0].OutputNodeId - graph.Layers[0].FirstNodeId + 1).ToList();
        Assert.Equal(
            new[]
            {
                "b0.l0.expand.conv", "b0.l0.expand.bn", "b0.l0.expand.act", "b0.l0.dw.conv", "b0.l0.dw.bn", "b0.l0.dw.act",
                "b0.l0.se.pool", "b0.l0.se.reduce", "b0.l0.se.act", "b0.l0.se.expand", "b0.l0.se.gate", "b0.l0.se.scale",
                "b0.l0.project.conv", "b0.l0.project.bn", "b0.l0.add",
            },
            layer.Select(n => n.Name));
        var byName = graph.Nodes.ToDictionary(n => n.Name);
        Assert.Equal(new TensorShape(24, 1, 1), byName["b0.l0.se.pool"].Output);
        Assert.Equal(new TensorShape(2, 1, 1), byName["b0.l0.se.reduce"].Output);
        Assert.Equal(OpKind.Sigmoid, byName["b0.l0.se.gate"].Kind);
        Assert.Equal(OpKind.Mul, byName["b0.l0.se.scale"].Kind);
        Assert.Equal(new[] { byName["b0.l0.dw.act"].Id, byName["b0.l0.se.gate"].Id }, byName["b0.l0.se.scale"].Inputs);
        Assert.Equal(new TensorShape(24, 4, 4), byName["b0.l0.se.scale"].Output);
        Assert.Equal(new[] { byName["b0.l0.se.scale"].Id }, byName["b0.l0.project.conv"].Inputs);
    }

    [Fact]
    public void a_conv_layer_with_se_gates_its_activated_output_sized_on_the_output_channels()
    {
        // Stem gives 4×4×4; Conv k3 4→6 SE 0.25: squeeze ⌊4·0.25⌋ = 1 on C = 6; no shortcut since 4 ≠ 6.
        var graph = LayerGraph.FromArchitecture(TestArchitectures.Make(
            new InputShape(3, 4, 4), 4, 8, new BlockSpec(ConvOp.Conv, 1, 3, 0.25, SkipOp.Identity, 6, 1, 1)));
        var layer = Assert.Single(graph.Layers);
        var names = graph.Nodes.Skip(layer.FirstNodeId).Take(layer.OutputNodeId - layer.FirstNodeId + 1).Select(n => n.Name);
        Assert.Equal(
            new[] { "b0.l0.conv.conv", "b0.l0.conv.bn", "b0.l0.conv.act", "b0.l0.se.pool", "b0.l0.se.reduce", "b0.l0.se.act", "b0.l0.se.expand", "b0.l0.se.gate", "b0.l0.se.scale" },
            names);
        Assert.Equal(LayerShortcut.None, layer.Config.Shortcut);
        // conv 6·4·9 = 216 + BN 12; reduce 6·1 + 1 = 7; expand 1·6 + 6 = 12.
        Assert.Equal(247, layer.Params);
        // conv 6·4·4·36 = 3,456; SE 6 + 6.
        Assert.Equal(3_468, layer.Macs);
    }

    [Fact]
    public void the_squeeze_is_at_least_one_channel()
    {
        // Stem of 3 channels: ⌊3·0.25⌋ = 0, raised to 1. DepthwiseConv SE acts on C = Cin = 3.
        var graph = LayerGraph.FromArchitecture(TestArchitectures.Make(
            new InputShape(3, 4, 4), 3, 8, new BlockSpec(ConvOp.DepthwiseConv, 1, 3, 0.25, SkipOp.None, 8, 1, 1)));
        Assert.Equal(1, graph.Layers[0].Config.SeSqueeze);
        var reduce = graph.Nodes.Single(n => n.Name == "b0.l0.se.reduce");
        Assert.Equal(3 * 1 + 1, reduce.Params);
        Assert.Equal(new TensorShape(3, 1, 1), graph.Nodes.Single(n => n.Name == "b0.l0.se.expand").Output);
    }
}
