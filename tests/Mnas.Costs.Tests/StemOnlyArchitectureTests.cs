using Mnas.Costs.Graph;
using Mnas.SearchSpace.Architectures;

namespace Mnas.Costs.Tests;

public class StemOnlyArchitectureTests
{
    // 3×8×8 input, stem 3→4 k3 stride 2 (→ 4×4×4), no blocks, head 1×1 4→8, classifier 8→10.
    private static readonly Architecture StemOnly =
        new("stem_only", new InputShape(3, 8, 8), 10, StemChannels: 4, StemStride: 2, [], HeadChannels: 8, Activation.ReLU);

    [Fact]
    public void stem_head_and_classifier_expand_to_nine_nodes_in_order()
    {
        var graph = LayerGraph.FromArchitecture(StemOnly);
        Assert.Equal(
            new[] { "input", "stem.conv", "stem.bn", "stem.act", "head.conv", "head.bn", "head.act", "head.pool", "classifier" },
            graph.Nodes.Select(n => n.Name));
        Assert.Equal(
            new[] { OpKind.Input, OpKind.Conv, OpKind.BatchNorm, OpKind.Activation, OpKind.Conv, OpKind.BatchNorm, OpKind.Activation, OpKind.GlobalAvgPool, OpKind.Linear },
            graph.Nodes.Select(n => n.Kind));
        Assert.Equal(Enumerable.Range(0, 9), graph.Nodes.Select(n => n.Id));
        Assert.All(graph.Nodes.Skip(1), n => Assert.Equal(new[] { n.Id - 1 }, n.Inputs));
        Assert.Empty(graph.Layers);
    }

    [Fact]
    public void every_node_has_its_hand_worked_shape_params_and_macs()
    {
        var graph = LayerGraph.FromArchitecture(StemOnly);
        Assert.Equal(new TensorShape(3, 8, 8), graph.Nodes[0].Output);
        Assert.Equal(new TensorShape(4, 4, 4), graph.Nodes[1].Output);
        Assert.Equal(108, graph.Nodes[1].Params);    // 4·3·3² weights, no bias
        Assert.Equal(1_728, graph.Nodes[1].Macs);    // 4·4·4 outputs × 3·3² each
        Assert.Equal(8, graph.Nodes[2].Params);      // BN weight + bias on 4 channels
        Assert.Equal(0, graph.Nodes[2].Macs);
        Assert.Equal(new TensorShape(8, 4, 4), graph.Nodes[4].Output);
        Assert.Equal(32, graph.Nodes[4].Params);     // 8·4
        Assert.Equal(512, graph.Nodes[4].Macs);      // 8·4·4 outputs × 4
        Assert.Equal(16, graph.Nodes[5].Params);
        Assert.Equal(new TensorShape(8, 1, 1), graph.Nodes[7].Output);
        Assert.Equal(new TensorShape(10, 1, 1), graph.Nodes[8].Output);
        Assert.Equal(90, graph.Nodes[8].Params);     // 8·10 + 10 bias
        Assert.Equal(80, graph.Nodes[8].Macs);
    }

    [Fact]
    public void the_totals_are_254_parameters_and_2320_multiply_adds()
    {
        var report = CostAnalysis.Analyze(StemOnly);
        Assert.Equal(108 + 8 + 32 + 16 + 90, report.Params);
        Assert.Equal(254, report.Params);
        Assert.Equal(1_728 + 512 + 80, report.Macs);
        Assert.Equal(1_016, report.ParamBytes);
    }

    [Fact]
    public void a_block_of_zero_layers_adds_nothing()
    {
        var withEmptyBlock = StemOnly with { Blocks = [new BlockSpec(ConvOp.MBConv, 6, 3, 0.25, SkipOp.Identity, 16, 0, 2)] };
        var graph = LayerGraph.FromArchitecture(withEmptyBlock);
        Assert.Equal(9, graph.Nodes.Count);
        Assert.Equal(254, graph.Params);
        Assert.Empty(graph.Layers);
    }

    [Fact]
    public void the_peak_is_the_input_and_stem_output_together_the_first_of_three_equal_steps()
    {
        // Bytes: input 3·8·8·4 = 768, stem tensors 4·4·4·4 = 256, head tensors 8·4·4·4 = 512.
        // stem.conv: 768 + 256 = 1,024; head.bn and head.act: 512 + 512 = 1,024 as well.
        var graph = LayerGraph.FromArchitecture(StemOnly);
        var peak = Memory.LifetimeAnalysis.Peak(graph);
        Assert.Equal(1_024, peak.Bytes);
        Assert.Equal("stem.conv", graph.Nodes[peak.NodeId].Name);
    }
}
