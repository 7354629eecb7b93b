using Mnas.Costs.Graph;
using Mnas.Costs.Memory;
using Mnas.SearchSpace.Architectures;

namespace Mnas.Costs.Tests;

/// <summary>MemNAS's memory of a network is the costs module's: its parameter bytes and its peak of live activations.</summary>
public class MemoryFootprintTests
{
    public static TheoryData<string> Builtins => [.. BuiltinArchitectures.ByName.Keys];

    [Theory]
    [MemberData(nameof(Builtins))]
    public void the_footprint_of_a_builtin_is_its_cost_reports_parameter_bytes_and_peak(string name)
    {
        var architecture = BuiltinArchitectures.ByName[name];
        var costs = CostAnalysis.Analyze(architecture);

        var footprint = MemoryFootprint.Of(architecture);

        Assert.Equal(costs.ParamBytes, footprint.ParamBytes);
        Assert.Equal(costs.PeakActivationBytes, footprint.PeakActivationBytes);
        Assert.Equal(footprint.ParamBytes + footprint.PeakActivationBytes, footprint.TotalBytes);
        Assert.Equal(LifetimeAnalysis.Peak(LayerGraph.FromArchitecture(architecture)).Bytes, footprint.PeakActivationBytes);
    }

    [Fact]
    public void mobilenet_v2s_footprint_is_four_bytes_a_parameter_and_its_peak_at_the_first_expansion()
    {
        var footprint = MemoryFootprint.Of(BuiltinArchitectures.MobileNetV2);

        // 3,504,872 float32 parameters; the peak holds the second block's first expansion (16·6 = 96 channels on the 112×112
        // map) twice, as its batch norm's input and output.
        Assert.Equal(3_504_872L * 4, footprint.ParamBytes);
        Assert.Equal(2L * 96 * 112 * 112 * 4, footprint.PeakActivationBytes);
    }
}
