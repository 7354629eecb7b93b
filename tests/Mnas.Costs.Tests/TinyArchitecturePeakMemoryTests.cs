using Mnas.Costs.Graph;
using Mnas.Costs.Memory;
using Mnas.SearchSpace.Architectures;

namespace Mnas.Costs.Tests;

public class TinyArchitecturePeakMemoryTests
{
    // 3×8×8 input; stem 3→4 stride 1 (4×8×8); one MBConv e2 k3 4→4 with identity residual
    // (hidden 8×8×8); head 1×1 4→8; classifier 8→10. Bytes (float32): input 768, 4-channel maps
    // 1,024, 8-channel maps 2,048, pooled 32, logits 40.
    private static Architecture Tiny(SkipOp skip) =>
        TestArchitectures.Make(new InputShape(3, 8, 8), 4, 8, new BlockSpec(ConvOp.MBConv, 2, 3, 0, skip, 4, 1, 1));

    [Fact]
    public void the_live_bytes_follow_the_hand_worked_lifetimes()
    {
        var graph = LayerGraph.FromArchitecture(Tiny(SkipOp.Identity));
        Assert.Equal(
            new[]
            {
                "input", "stem.conv", "stem.bn", "stem.act",
                "b0.l0.expand.conv", "b0.l0.expand.bn", "b0.l0.expand.act", "b0.l0.dw.conv", "b0.l0.dw.bn", "b0.l0.dw.act",
                "b0.l0.project.conv", "b0.l0.project.bn", "b0.l0.add",
                "head.conv", "head.bn", "head.act", "head.pool", "classifier",
            },
            graph.Nodes.Select(n => n.Name));
        long[] expected =
        [
            768,                     // input
            768 + 1_024,             // stem.conv
            1_024 + 1_024,           // stem.bn
            1_024 + 1_024,           // stem.act (= x, the block input)
            1_024 + 2_048,           // expand.conv: x + its output
            1_024 + 2_048 + 2_048,   // expand.bn: x kept for the add + input + output
            5_120, 5_120, 5_120, 5_120,
            1_024 + 2_048 + 1_024,   // project.conv
            1_024 + 1_024 + 1_024,   // project.bn
            1_024 + 1_024 + 1_024,   // add: x + project.bn + sum
            1_024 + 2_048,           // head.conv
            2_048 + 2_048,           // head.bn
            2_048 + 2_048,           // head.act
            2_048 + 32,              // head.pool
            32 + 40,                 // classifier
        ];
        Assert.Equal(expected, LifetimeAnalysis.LiveBytesPerStep(LifetimeAnalysis.ToTensorNodes(graph)));
    }

    [Fact]
    public void the_peak_is_5120_bytes_at_the_expansion_bn_with_the_residual_input_held()
    {
        var graph = LayerGraph.FromArchitecture(Tiny(SkipOp.Identity));
        var peak = LifetimeAnalysis.Peak(graph);
        Assert.Equal(5_120, peak.Bytes);
        Assert.Equal("b0.l0.expand.bn", graph.Nodes[peak.NodeId].Name);
        Assert.Equal(5_120, CostAnalysis.Analyze(Tiny(SkipOp.Identity)).PeakActivationBytes);
    }

    [Fact]
    public void without_the_residual_the_peak_drops_by_the_block_input()
    {
        var graph = LayerGraph.FromArchitecture(Tiny(SkipOp.None));
        var peak = LifetimeAnalysis.Peak(graph);
        Assert.Equal(4_096, peak.Bytes);   // expand.bn: 2,048 in + 2,048 out
        Assert.Equal("b0.l0.expand.bn", graph.Nodes[peak.NodeId].Name);
    }

    [Fact]
    public void the_tiny_network_has_430_parameters()
    {
        // stem 108 + 8; expand 4·8 = 32 + 16; depthwise 8·9 = 72 + 16; project 32 + 8; head 32 + 16; classifier 90.
        var report = CostAnalysis.Analyze(Tiny(SkipOp.Identity));
        Assert.Equal(430, report.Params);
        // stem 4·64·27 = 6,912; expand 8·64·4 = 2,048; depthwise 8·64·9 = 4,608; project 4·64·8 = 2,048;
        // head 8·64·4 = 2,048; classifier 80.
        Assert.Equal(17_744, report.Macs);
    }
}
