using System.Text.Json;
using Mnas.Campaigns;
using Mnas.Pareto.Objectives;
using Mnas.Pareto.Points;
using Mnas.Pareto.Report;
using static Mnas.Pareto.Tests.TestPoints;

namespace Mnas.Pareto.Tests;

public class ParetoReportTests
{
    // Done: 1 (50 %, 20 ms), 2 (75 %, 60 ms), 3 (25 %, 10 ms), 4 (40 %, 30 ms, beaten by 1).
    // Left out: 5 failed, 6 still training, 7 done with a NaN accuracy.
    private static readonly Child[] Children =
    [
        Child(1, ChildStatus.Done, Metrics(0.5, 20, parameters: 3_504_872, peakBytes: 10_485_760), "b0.kernel=3"),
        Child(2, ChildStatus.Done, Metrics(0.75, 60, parameters: 5_000_000, peakBytes: 1_572_864), "b0.kernel=5"),
        Child(3, ChildStatus.Done, Metrics(0.25, 10, parameters: 1_250_000, peakBytes: 2_097_152), "b0.kernel=7"),
        Child(4, ChildStatus.Done, Metrics(0.4, 30, parameters: 2_000_000, peakBytes: 524_288)),
        Child(5, ChildStatus.Failed, null),
        Child(6, ChildStatus.Training, null),
        Child(7, ChildStatus.Done, Metrics(double.NaN, 5)),
    ];

    private static ParetoReport Default() =>
        ParetoReport.Create(Children, ParetoObjectives.Default, ParetoReference.For(ParetoObjectives.Default, accuracy: 0, latencyMs: 100));

    [Fact]
    public void the_report_holds_the_done_children_their_front_and_its_hypervolume()
    {
        var report = Default();
        Assert.Equal([1L, 2L, 3L, 4L], Ids(report.Points));
        Assert.Equal([3L, 1L, 2L], Ids(report.Front));
        Assert.Equal(52.5, report.Hypervolume);
    }

    [Fact]
    public void the_text_is_a_summary_line_and_the_front_as_a_table()
    {
        Assert.Equal(
            "front 3 of 4 done children, hypervolume 52.5 (reference accuracy=0 latency_ms=100)\n"
            + "id  accuracy %  latency ms  params M\n"
            + " 3       25.00       10.00      1.25\n"
            + " 1       50.00       20.00      3.50\n"
            + " 2       75.00       60.00      5.00\n",
            Default().ToText());
    }

    [Fact]
    public void with_memory_the_least_hungry_child_joins_the_front_and_the_table_shows_mib()
    {
        // Child 4 is beaten by 1 on accuracy and latency but needs 0.5 MiB against 10 MiB.
        var objectives = ParetoObjectives.Default.WithMemory();
        var report = ParetoReport.Create(Children, objectives, ParetoReference.For(objectives, 0, 100, peakMemoryBytes: 20_971_520));
        Assert.Equal([3L, 1L, 4L, 2L], Ids(report.Front));
        Assert.Equal(
            "id  accuracy %  latency ms  params M  peak MiB\n"
            + " 3       25.00       10.00      1.25      2.00\n"
            + " 1       50.00       20.00      3.50     10.00\n"
            + " 4       40.00       30.00      2.00      0.50\n"
            + " 2       75.00       60.00      5.00      1.50\n",
            report.ToTable());
    }

    [Fact]
    public void the_exports_carry_the_front_with_architectures()
    {
        var report = Default();
        Assert.Equal(
            "id,accuracy,latency_ms,architecture\n3,0.25,10,b0.kernel=7\n1,0.5,20,b0.kernel=3\n2,0.75,60,b0.kernel=5\n",
            report.ToCsv());
        var json = JsonDocument.Parse(report.ToJson()).RootElement;
        Assert.Equal(52.5, json.GetProperty("hypervolume").GetDouble());
        Assert.Equal([3L, 1L, 2L], json.GetProperty("points").EnumerateArray().Select(p => p.GetProperty("id").GetInt64()));
    }

    [Fact]
    public void the_json_export_writes_an_architecture_as_it_is()
    {
        var report = ParetoReport.Create([Child(1, ChildStatus.Done, Metrics(0.5, 20), "b0.layers=+1 réseau")], ParetoObjectives.Default,
            ParetoReference.For(ParetoObjectives.Default, accuracy: 0, latencyMs: 100));

        var json = report.ToJson();

        Assert.Contains("\"architecture\": \"b0.layers=+1 réseau\"", json);
        Assert.DoesNotContain("\\u", json);
    }

    [Fact]
    public void a_campaign_with_nothing_done_reports_an_empty_front()
    {
        var report = ParetoReport.Create([Child(1, ChildStatus.Queued, null)], ParetoObjectives.Default, ParetoReference.For(ParetoObjectives.Default, 0, 100));
        Assert.Equal(0, report.Hypervolume);
        Assert.Equal(
            "front 0 of 0 done children, hypervolume 0 (reference accuracy=0 latency_ms=100)\n"
            + "id  accuracy %  latency ms  params M\n(no points)\n",
            report.ToText());
    }
}
