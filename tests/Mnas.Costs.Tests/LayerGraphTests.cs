using Mnas.Costs.Graph;
using Mnas.SearchSpace.Architectures;

namespace Mnas.Costs.Tests;

public class LayerGraphTests
{
    private static readonly LayerGraph MobileNetV2 = LayerGraph.FromArchitecture(BuiltinArchitectures.MobileNetV2);

    [Fact]
    public void an_expansion_of_one_has_no_expand_convolution()
    {
        var first = MobileNetV2.Nodes.Where(n => n.Name.StartsWith("b0.l0.", StringComparison.Ordinal)).Select(n => n.Name);
        Assert.Equal(new[] { "b0.l0.dw.conv", "b0.l0.dw.bn", "b0.l0.dw.act", "b0.l0.project.conv", "b0.l0.project.bn" }, first);
    }

    [Fact]
    public void an_mbconv_layer_matches_the_workers_inverted_residual_of_5136_parameters()
    {
        // 16→24, e6, stride 2: 1×1 16→96 (1,536) + BN (192) + depthwise 96·9 (864) + BN (192) + 1×1 96→24 (2,304) + BN (48).
        var layer = MobileNetV2.Layers[1];
        Assert.Equal(5_136, layer.Params);
        // expand 96·112²·16 = 19,267,584; depthwise 96·56²·9 = 2,709,504; project 24·56²·96 = 7,225,344.
        Assert.Equal(29_202_432, layer.Macs);
    }

    [Fact]
    public void only_layers_that_keep_their_shape_add_their_input()
    {
        var adds = MobileNetV2.Nodes.Where(n => n.Kind == OpKind.Add).ToList();
        // 17 layers, minus the first layer of each of the 7 blocks (stride 2 or a channel change).
        Assert.Equal(10, adds.Count);
        var second = MobileNetV2.Layers[2];   // b1.l1, 24→24 stride 1
        var add = MobileNetV2.Nodes[second.OutputNodeId];
        Assert.Equal("b1.l1.add", add.Name);
        Assert.Equal(new[] { second.OutputNodeId - 1, MobileNetV2.Layers[1].OutputNodeId }, add.Inputs);
        Assert.Equal(MobileNetV2.Layers[1].OutputNodeId, second.FirstNodeId - 1);
    }

    [Fact]
    public void the_head_reads_the_last_layer_and_ends_in_the_logits()
    {
        var head = MobileNetV2.Nodes.Single(n => n.Name == "head.conv");
        Assert.Equal(new[] { MobileNetV2.Layers[^1].OutputNodeId }, head.Inputs);
        Assert.Equal(new TensorShape(1280, 7, 7), head.Output);
        Assert.Equal("classifier", MobileNetV2.Output.Name);
        Assert.Equal(new TensorShape(1000, 1, 1), MobileNetV2.Output.Output);
        Assert.Equal(MobileNetV2.Nodes.Count - 1, MobileNetV2.Output.Id);
    }

    [Fact]
    public void every_node_reads_only_earlier_nodes()
    {
        Assert.All(MobileNetV2.Nodes, n => Assert.All(n.Inputs, i => Assert.InRange(i, 0, n.Id - 1)));
        Assert.Equal(OpKind.Input, MobileNetV2.Nodes[0].Kind);
        Assert.Equal(new TensorShape(3, 224, 224), MobileNetV2.Nodes[0].Output);
    }

    [Fact]
    public void the_block_layers_hold_all_parameters_but_the_stem_head_and_classifier()
    {
        // stem 32·3·9 + 64 = 928; head 320·1280 + 2,560 = 412,160; classifier 1280·1000 + 1000 = 1,281,000.
        Assert.Equal(3_504_872 - 928 - 412_160 - 1_281_000, MobileNetV2.Layers.Sum(l => l.Params));
    }

    [Fact]
    public void an_architecture_with_a_negative_layer_count_is_rejected_by_name()
    {
        var broken = BuiltinArchitectures.MobileNetV2 with
        {
            Blocks = [new BlockSpec(ConvOp.MBConv, 6, 3, 0, SkipOp.Identity, 24, -1, 2)],
        };
        var error = Assert.Throws<ArgumentException>(() => LayerGraph.FromArchitecture(broken));
        Assert.Contains("Blocks[0].Layers", error.Message);
    }

    [Fact]
    public void a_stem_of_zero_channels_is_rejected_by_name()
    {
        var error = Assert.Throws<ArgumentException>(() => LayerGraph.FromArchitecture(BuiltinArchitectures.MobileNetV2 with { StemChannels = 0 }));
        Assert.Contains("StemChannels", error.Message);
    }

    [Fact]
    public void a_negative_se_ratio_is_rejected_by_name()
    {
        var broken = BuiltinArchitectures.MobileNetV2 with
        {
            Blocks = [new BlockSpec(ConvOp.MBConv, 6, 3, -0.25, SkipOp.Identity, 24, 1, 2)],
        };
        var error = Assert.Throws<ArgumentException>(() => LayerGraph.FromArchitecture(broken));
        Assert.Contains("Blocks[0].SeRatio must be finite and not negative, got -0.25", error.Message);
    }
}
