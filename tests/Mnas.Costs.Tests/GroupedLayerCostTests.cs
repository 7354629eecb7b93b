using Mnas.Costs.Graph;
using Mnas.Costs.Memory;
using Mnas.SearchSpace.Architectures;

namespace Mnas.Costs.Tests;

/// <summary>
/// FBNet's grouped inverted residuals, counted by hand on a 3×8×8 input: stem 3→16; b0 = k3_e1_g2 (16→16, stride 1,
/// identity), whose expansion is there although e = 1; b1 = k5_e3_g4 (16→24, stride 2); head 24→32; 10 classes.
/// </summary>
public class GroupedLayerCostTests
{
    private static readonly Architecture Grouped = TestArchitectures.Make(new InputShape(3, 8, 8), 16, 32,
        new BlockSpec(ConvOp.MBConv, 1, 3, 0, SkipOp.Identity, 16, 1, 1, Groups: 2),
        new BlockSpec(ConvOp.MBConv, 3, 5, 0, SkipOp.Identity, 24, 1, 2, Groups: 4));

    [Fact]
    public void a_grouped_expansion_1_layer_has_both_1x1_convolutions_at_half_the_dense_cost()
    {
        var graph = LayerGraph.FromArchitecture(Grouped);
        var layer = graph.Layers[0];

        // expand 16→16 over 2 groups: 16·8 = 128 weights, 16·8·8 outputs × 8 inputs = 8192 MACs; BN 32.
        // depthwise k3: 16·9 = 144 weights, 1024 × 9 = 9216 MACs; BN 32. project as expand: 128 and 8192; BN 32.
        Assert.Equal(128 + 32 + 144 + 32 + 128 + 32, layer.Params); // 496
        Assert.Equal(8192 + 9216 + 8192, layer.Macs); // 25600
        var expand = graph.Nodes.Single(n => n.Name == "b0.l0.expand.conv");
        var project = graph.Nodes.Single(n => n.Name == "b0.l0.project.conv");
        Assert.Equal((128L, 8192L, new TensorShape(16, 8, 8)), (expand.Params, expand.Macs, expand.Output));
        Assert.Equal((128L, 8192L, new TensorShape(16, 8, 8)), (project.Params, project.Macs, project.Output));
        Assert.Equal(LayerShortcut.Identity, layer.Config.Shortcut);
    }

    [Fact]
    public void a_grouped_expansion_3_layer_divides_its_1x1_costs_by_the_groups()
    {
        var layer = LayerGraph.FromArchitecture(Grouped).Layers[1];
        var dense = LayerGraph.FromArchitecture(Ungrouped(Grouped)).Layers[1];

        // expand 16→48 over 4: 48·4 = 192 weights, 48·8·8 × 4 = 12288 MACs; BN 96.
        // depthwise k5 stride 2: 48·25 = 1200 weights, 48·4·4 × 25 = 19200 MACs; BN 96.
        // project 48→24 over 4: 24·12 = 288 weights, 24·4·4 × 12 = 4608 MACs; BN 48.
        Assert.Equal(192 + 96 + 1200 + 96 + 288 + 48, layer.Params); // 1920
        Assert.Equal(12288 + 19200 + 4608, layer.Macs); // 36096
        // Dense: expand 768 weights, 49152 MACs; project 1152 weights, 18432 MACs.
        Assert.Equal(768 + 96 + 1200 + 96 + 1152 + 48, dense.Params); // 3360
        Assert.Equal(49152 + 19200 + 18432, dense.Macs); // 86784
    }

    [Fact]
    public void the_whole_network_counts_as_by_hand_and_its_activation_memory_is_the_ungrouped_ones()
    {
        var report = CostAnalysis.Analyze(Grouped);

        // stem 3·16·9 + BN 32 = 464, 1024 × 27 = 27648 MACs; head 24·32 + BN 64 = 832, 512 × 24 = 12288 MACs;
        // classifier 32·10 + 10 = 330, 320 MACs.
        Assert.Equal(464 + 496 + 1920 + 832 + 330, report.Params); // 4042
        Assert.Equal(27648 + 25600 + 36096 + 12288 + 320, report.Macs); // 101952
        Assert.Equal(4042 * 4, report.ParamBytes);

        // Grouping moves no activation: the same layer ungrouped has the same tensors (the shuffle has no node).
        var withDenseB1 = Grouped with { Blocks = [Grouped.Blocks[0], Grouped.Blocks[1] with { Groups = 1 }] };
        Assert.Equal(
            LayerGraph.FromArchitecture(withDenseB1).Nodes.Select(n => n.Output),
            LayerGraph.FromArchitecture(Grouped).Nodes.Select(n => n.Output));
        Assert.Equal(CostAnalysis.Analyze(withDenseB1).PeakActivationBytes, report.PeakActivationBytes);
        Assert.Equal(LifetimeAnalysis.Peak(LayerGraph.FromArchitecture(withDenseB1)).Bytes, report.PeakActivationBytes);
    }

    [Fact]
    public void the_layer_key_names_the_groups_only_when_there_are_several()
    {
        var layers = LayerGraph.FromArchitecture(Grouped).Layers;

        Assert.Equal(2, layers[0].Config.Groups);
        Assert.Equal("mbconv-e1-g2-k3-se0-identity-16to16-s1-8x8-relu", layers[0].Config.Key);
        Assert.Equal("mbconv-e3-g4-k5-se0-none-16to24-s2-8x8-relu", layers[1].Config.Key);
        Assert.Equal("mbconv-e3-k5-se0-none-16to24-s2-8x8-relu", LayerGraph.FromArchitecture(Ungrouped(Grouped)).Layers[1].Config.Key);
    }

    [Theory]
    [InlineData(3, "Blocks[0].Groups must divide the layers' input and output channels (16 in, 16 out), got 3")]
    [InlineData(0, "Blocks[0].Groups must be at least 1, got 0")]
    public void groups_that_do_not_fit_the_channels_cannot_be_costed(int groups, string message)
    {
        var bad = Grouped with { Blocks = [Grouped.Blocks[0] with { Groups = groups }, Grouped.Blocks[1]] };

        var e = Assert.Throws<ArgumentException>(() => CostAnalysis.Analyze(bad));
        Assert.StartsWith(message, e.Message);
    }

    private static Architecture Ungrouped(Architecture architecture) =>
        architecture with { Blocks = architecture.Blocks.Select(b => b with { Groups = 1 }).ToList() };
}
