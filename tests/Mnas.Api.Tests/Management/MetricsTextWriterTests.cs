using System.Diagnostics.Metrics;
using Mnas.Grains;
using Mnas.Metrics;

namespace Mnas.Api.Tests.Management;

/// <summary>The collector and the exposition writer over real instruments of a meter of the test's own.</summary>
public sealed class MetricsTextWriterTests : IDisposable
{
    private readonly Meter meter = new($"mnas-test-{Guid.NewGuid():N}");
    private readonly MetricsCollector collector;

    public MetricsTextWriterTests() => collector = new MetricsCollector(meter.Name);

    public void Dispose()
    {
        collector.Dispose();
        meter.Dispose();
    }

    [Fact]
    public void counters_gauges_and_histograms_render_as_their_types_with_help()
    {
        var things = meter.CreateCounter<long>("mnas_test_things", description: "Things counted.");
        things.Add(2, KeyValuePair.Create<string, object?>("kind", "a"));
        things.Add(3, KeyValuePair.Create<string, object?>("kind", "a"));
        things.Add(1, KeyValuePair.Create<string, object?>("kind", "b"));
        var level = meter.CreateUpDownCounter<int>("mnas.test.level", description: "A level.");
        level.Add(5);
        level.Add(-2);
        meter.CreateObservableGauge("mnas_test_gauge", () => 7.5, description: "Observed.");
        var seconds = meter.CreateHistogram("mnas_test_seconds", "s", "Durations.", tags: null,
            new InstrumentAdvice<double> { HistogramBucketBoundaries = [1, 2] });
        seconds.Record(0.5);
        seconds.Record(1.5);
        seconds.Record(3);

        var lines = collector.CollectText().Split('\n');

        Assert.Equal(
        [
            "# HELP mnas_test_gauge Observed.", "# TYPE mnas_test_gauge gauge", "mnas_test_gauge 7.5",
            "# HELP mnas_test_level A level.", "# TYPE mnas_test_level gauge", "mnas_test_level 3",
            "# HELP mnas_test_seconds Durations.", "# TYPE mnas_test_seconds histogram",
            "mnas_test_seconds_bucket{le=\"1\"} 1", "mnas_test_seconds_bucket{le=\"2\"} 2", "mnas_test_seconds_bucket{le=\"+Inf\"} 3",
            "mnas_test_seconds_sum 5", "mnas_test_seconds_count 3",
            "# HELP mnas_test_things_total Things counted.", "# TYPE mnas_test_things_total counter",
            "mnas_test_things_total{kind=\"a\"} 5", "mnas_test_things_total{kind=\"b\"} 1", "",
        ], lines);
    }

    [Fact]
    public void label_values_are_escaped_and_read_back_whole()
    {
        const string value = "a \"quoted\" back\\slash\nand a new line";
        meter.CreateCounter<long>("mnas_test_escaped", description: "Help with a \\ and a\nnew line.")
            .Add(1, KeyValuePair.Create<string, object?>("path", value));

        var text = collector.CollectText();

        Assert.Contains("mnas_test_escaped_total{path=\"a \\\"quoted\\\" back\\\\slash\\nand a new line\"} 1\n", text);
        Assert.Contains("# HELP mnas_test_escaped_total Help with a \\\\ and a\\nnew line.\n", text);
        var sample = Assert.Single(ExpositionFormat.Parse(text));
        Assert.Equal(value, sample.Labels["path"]);
    }

    [Fact]
    public void observable_gauges_show_what_they_observe_now()
    {
        var current = 1;
        meter.CreateObservableGauge("mnas_test_now", () => current, description: "Now.");
        Assert.Contains("mnas_test_now 1\n", collector.CollectText());
        current = 4;
        Assert.Contains("mnas_test_now 4\n", collector.CollectText());
    }

    [Fact]
    public void the_process_metrics_parse_line_by_line_with_help_and_type_for_every_family()
    {
        using var process = new MetricsCollector();
        RuntimeMetrics.Publish();

        var text = process.CollectText();
        var samples = ExpositionFormat.Parse(text);

        foreach (var name in new[] { "mnas_process_start_time_seconds", "mnas_process_working_set_bytes", "mnas_dotnet_gc_heap_bytes", "mnas_worker_slots",
                     "mnas_campaigns_running", "mnas_leases_active", "mnas_workers_alive" })
        {
            Assert.Contains(samples, s => s.Name == name);
        }

        Assert.True(samples.Single(s => s.Name == "mnas_process_working_set_bytes").Value > 0);
        Assert.True(samples.Single(s => s.Name == "mnas_process_start_time_seconds").Value > 1.7e9);
        Assert.All(samples, s => Assert.StartsWith("mnas_", s.Name));
    }
}
