using System.Diagnostics.Metrics;
using Mnas.Api.Management;
using Mnas.Grains;
using Mnas.Metrics;

namespace Mnas.Api.Tests.Management;

/// <summary>
/// How the management listener's <c>/metrics</c> renders real instruments, on a meter of the test's own named as
/// Mnas' (so that it is exported, and disposed with the test): names, types, help, labels, buckets; the process's and
/// the runtime's instruments as a role serves them; counts from before the listener listens; and the OpenMetrics text a
/// Prometheus server asks for.
/// </summary>
public sealed class ManagementMetricsTests : IAsyncLifetime
{
    private readonly Meter meter = new(MnasMeter.Name);
    private TestManagement? management;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (management != null)
        {
            await management.DisposeAsync();
        }

        meter.Dispose();
    }

    [Fact(Timeout = 60_000)]
    public async Task counters_gauges_and_histograms_render_as_their_types_with_help()
    {
        management = await TestManagement.StartAsync();
        var things = meter.CreateCounter<long>("mnas_test_things", description: "Things counted.");
        things.Add(2, KeyValuePair.Create<string, object?>("kind", "a"));
        things.Add(3, KeyValuePair.Create<string, object?>("kind", "a"));
        things.Add(1, KeyValuePair.Create<string, object?>("kind", "b"));
        var level = meter.CreateUpDownCounter<int>("mnas.test.level", description: "A level.");
        level.Add(5);
        level.Add(-2);
        meter.CreateObservableGauge("mnas_test_observed", () => 7.5, description: "Observed.");
        var seconds = meter.CreateHistogram("mnas_test_seconds", "s", "Durations.", tags: null,
            new InstrumentAdvice<double> { HistogramBucketBoundaries = [1, 2] });
        seconds.Record(0.5);
        seconds.Record(1.5);
        seconds.Record(3);

        var text = await management.MetricsAsync();

        Assert.Equal(["# TYPE mnas_test_things_total counter", "# HELP mnas_test_things_total Things counted.",
            "mnas_test_things_total{kind=\"a\"} 5", "mnas_test_things_total{kind=\"b\"} 1"], Family(text, "mnas_test_things_total"));
        Assert.Equal(["# TYPE mnas_test_level gauge", "# HELP mnas_test_level A level.", "mnas_test_level{} 3"], Family(text, "mnas_test_level"));
        Assert.Equal(["# TYPE mnas_test_observed gauge", "# HELP mnas_test_observed Observed.", "mnas_test_observed{} 7.5"],
            Family(text, "mnas_test_observed"));
        Assert.Equal(
        [
            "# TYPE mnas_test_seconds histogram", "# HELP mnas_test_seconds Durations.",
            "mnas_test_seconds_bucket{le=\"1\"} 1", "mnas_test_seconds_bucket{le=\"2\"} 2", "mnas_test_seconds_bucket{le=\"+Inf\"} 3",
            "mnas_test_seconds_sum{} 5", "mnas_test_seconds_count{} 3",
        ], Family(text, "mnas_test_seconds"));
        await Promtool.AssertPassesAsync(text);
    }

    [Fact(Timeout = 60_000)]
    public async Task label_values_are_escaped_and_read_back_whole()
    {
        management = await TestManagement.StartAsync();
        const string value = "a \"quoted\" back\\slash\nand a new line";
        meter.CreateCounter<long>("mnas_test_escaped", description: "Help with a \\ and a\nnew line.")
            .Add(1, KeyValuePair.Create<string, object?>("path", value));

        var text = await management.MetricsAsync();

        Assert.Equal(["# TYPE mnas_test_escaped_total counter", "# HELP mnas_test_escaped_total Help with a \\\\ and a\\nnew line.",
            "mnas_test_escaped_total{path=\"a \\\"quoted\\\" back\\\\slash\\nand a new line\"} 1"], Family(text, "mnas_test_escaped_total"));
        var sample = Assert.Single(ExpositionFormat.Parse(text), s => s.Name == "mnas_test_escaped_total");
        Assert.Equal(value, sample.Labels["path"]);
        await Promtool.AssertPassesAsync(text);
    }

    [Fact(Timeout = 60_000)]
    public async Task observable_gauges_show_what_they_observe_now()
    {
        management = await TestManagement.StartAsync();
        var current = 1;
        meter.CreateObservableGauge("mnas_test_now", () => current, description: "Now.");
        Assert.Contains("mnas_test_now{} 1", Family(await management.MetricsAsync(), "mnas_test_now"));
        current = 4;
        Assert.Contains("mnas_test_now{} 4", Family(await management.MetricsAsync(), "mnas_test_now"));
    }

    [Fact(Timeout = 60_000)]
    public async Task what_was_measured_before_the_listener_started_is_counted()
    {
        var metrics = new ManagementMetrics();
        meter.CreateCounter<long>("mnas_test_early", description: "Counted before listening.").Add(3);

        management = await TestManagement.StartAsync(metrics: metrics);

        Assert.Contains("mnas_test_early_total{} 3", Family(await management.MetricsAsync(), "mnas_test_early_total"));
    }

    [Fact(Timeout = 60_000)]
    public async Task the_process_metrics_parse_line_by_line_with_help_and_type_for_every_family_and_pass_promtool()
    {
        management = await TestManagement.StartAsync();
        RuntimeMetrics.Publish();

        var text = await management.MetricsAsync();
        var samples = ExpositionFormat.Parse(text);

        foreach (var name in new[] { "mnas_process_start_time_seconds", "mnas_process_working_set_bytes", "mnas_dotnet_gc_heap_bytes", "mnas_worker_slots",
                     "mnas_campaigns_running", "mnas_jobs_on_workers", "mnas_workers_alive" })
        {
            Assert.Contains(samples, s => s.Name == name);
        }

        Assert.True(samples.Single(s => s.Name == "mnas_process_working_set_bytes").Value > 0);
        Assert.True(samples.Single(s => s.Name == "mnas_process_start_time_seconds").Value > 1.7e9);
        // Only the meters exported: Mnas' and (where a test of this process runs one) Orleans'.
        Assert.All(samples, s => Assert.Matches("^(mnas|orleans)_", s.Name));
        await Promtool.AssertPassesAsync(text);
    }

    [Fact(Timeout = 60_000)]
    public async Task a_scraper_that_asks_for_openmetrics_as_prometheus_does_gets_the_same_series()
    {
        management = await TestManagement.StartAsync();
        var things = meter.CreateCounter<long>("mnas_test_scraped", description: "Things scraped.");
        things.Add(2, KeyValuePair.Create<string, object?>("kind", "a"));
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(management.Address, "metrics"));
        request.Headers.TryAddWithoutValidation("Accept",
            "application/openmetrics-text;version=1.0.0,application/openmetrics-text;version=0.0.1;q=0.75,text/plain;version=0.0.4;q=0.5,*/*;q=0.1");
        using var http = new HttpClient();

        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal("application/openmetrics-text", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("\nmnas_test_scraped_total{kind=\"a\"} 2\n", text);
        Assert.EndsWith("# EOF\n", text);
    }

    /// <summary>The lines of one family in <paramref name="text"/>: its TYPE and HELP lines, then its samples, in order.</summary>
    private static string[] Family(string text, string name) =>
        text.Split('\n').Where(l => l == $"# TYPE {name}" || l.StartsWith($"# TYPE {name} ", StringComparison.Ordinal)
                || l.StartsWith($"# HELP {name} ", StringComparison.Ordinal)
                || System.Text.RegularExpressions.Regex.IsMatch(l, $"^{name}(_bucket|_sum|_count)?[{{ ]"))
            .ToArray();
}
