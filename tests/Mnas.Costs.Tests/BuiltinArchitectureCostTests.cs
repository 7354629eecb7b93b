using Mnas.Costs.Graph;
using Mnas.Costs.Memory;
using Mnas.SearchSpace.Architectures;

namespace Mnas.Costs.Tests;

public class BuiltinArchitectureCostTests
{
    [Fact]
    public void mobilenet_v2_has_torchvisions_3504872_parameters()
    {
        Assert.Equal(3_504_872, CostAnalysis.Analyze(BuiltinArchitectures.MobileNetV2).Params);
    }

    [Fact]
    public void mobilenet_v2_costs_300774272_multiply_adds()
    {
        // Convolutions and the classifier only, as torchvision-style counters do; this is the
        // 300,774,272 usually quoted as "300M" for MobileNetV2-1.0 at 224×224. Of it:
        // stem 32·112²·27 = 10,838,016; head 1280·7²·320 = 20,070,400; classifier 1,280,000.
        var macs = CostAnalysis.Analyze(BuiltinArchitectures.MobileNetV2).Macs;
        Assert.Equal(300_774_272, macs);
        Assert.InRange(macs, 300_000_000, 301_500_000);
        var graph = LayerGraph.FromArchitecture(BuiltinArchitectures.MobileNetV2);
        Assert.Equal(10_838_016, graph.Nodes.Single(n => n.Name == "stem.conv").Macs);
        Assert.Equal(20_070_400, graph.Nodes.Single(n => n.Name == "head.conv").Macs);
        Assert.Equal(1_280_000, graph.Output.Macs);
    }

    [Fact]
    public void mnasnet_a1_has_about_3_9_million_parameters_and_312_million_multiply_adds()
    {
        // The published 3.9M and 312M; SE convolutions count as 1×1 convolutions on a 1×1 map.
        var report = CostAnalysis.Analyze(BuiltinArchitectures.MnasNetA1);
        Assert.Equal(3_887_038, report.Params);
        Assert.InRange(report.Params, 3_800_000, 4_000_000);
        Assert.Equal(311_579_072, report.Macs);
        Assert.InRange(report.Macs, 300_000_000, 325_000_000);
    }

    [Fact]
    public void both_peak_at_the_first_expansion_to_96_channels_on_the_112_map()
    {
        // b1.l0.expand.bn holds its input and output, 96·112² floats each: 2 · 1,204,224 · 4 bytes.
        // The 16-channel block input is already freed: that layer has stride 2, so no residual.
        foreach (var architecture in new[] { BuiltinArchitectures.MobileNetV2, BuiltinArchitectures.MnasNetA1 })
        {
            var graph = LayerGraph.FromArchitecture(architecture);
            var peak = LifetimeAnalysis.Peak(graph);
            Assert.Equal(9_633_792, peak.Bytes);
            Assert.Equal("b1.l0.expand.bn", graph.Nodes[peak.NodeId].Name);
        }
    }
}
