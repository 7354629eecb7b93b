using Mnas.SearchSpace.Architectures;

namespace Mnas.Costs.Tests;

public class CostReportTests
{
    [Fact]
    public void the_report_prints_one_plain_name_value_line_per_figure()
    {
        var report = new CostReport(Params: 1_234_567, Macs: 300_774_272, ParamBytes: 4_938_268, PeakActivationBytes: 9_633_792);
        Assert.Equal(
            new[] { "params=1234567", "macs=300774272", "param_bytes=4938268", "peak_activation_bytes=9633792" },
            report.ToLines());
    }

    [Fact]
    public void mobilenet_v2_reports_its_exact_figures_with_four_bytes_per_parameter()
    {
        var report = CostAnalysis.Analyze(BuiltinArchitectures.MobileNetV2);
        Assert.Equal(new CostReport(3_504_872, 300_774_272, 14_019_488, 9_633_792), report);
    }
}
