using System.Net;
using System.Text.RegularExpressions;
using Mnas.Api.Tests.Management;
using Xunit.Abstractions;

namespace Mnas.Cluster.Tests;

/// <summary>
/// <c>mnas controller</c> and <c>mnas worker</c> processes with <c>management.listen</c> on a free port: each says
/// where it listens, is alive and ready (the controller once its store and the cluster answer, the worker once the
/// cluster does), and serves metrics that count a small campaign, its own and Orleans' together, in text that passes promtool.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed partial class ManagementEndpointsTests(ITestOutputHelper log) : IAsyncLifetime
{
    private const string CampaignId = "measured";
    private const int Children = 3;
    private readonly HttpClient http = new();
    private TestCluster cluster = null!;

    public async Task InitializeAsync() => cluster = await TestCluster.CreateAsync("management", log);

    public async Task DisposeAsync()
    {
        http.Dispose();
        await cluster.DisposeAsync();
    }

    [Fact(Timeout = 180_000)]
    public async Task a_controller_and_a_worker_are_alive_ready_and_count_a_campaign_in_metrics_promtool_reads()
    {
        var controller = cluster.StartController("management.listen=http://127.0.0.1:0");
        var worker = cluster.StartWorker("management.listen=http://127.0.0.1:0", "worker.trainer=simulated", "worker.simulated_seconds=0.2");
        var controllerAddress = await ManagementAddressAsync(controller);
        var workerAddress = await ManagementAddressAsync(worker);
        foreach (var (process, address) in new[] { (controller, controllerAddress), (worker, workerAddress) })
        {
            await cluster.ReadyAsync(process);
            Assert.Equal((HttpStatusCode.OK, "ok\n"), await GetAsync(address, "healthz"));
            await cluster.Until(async () => (await GetAsync(address, "readyz")).Status == HttpStatusCode.OK, TimeSpan.FromSeconds(30),
                $"{process.Name} is not ready at {address}");
        }

        await cluster.SubmitAsync(CampaignId, "name: measured\n", "--children", $"{Children}", "--strategy", "random");
        await cluster.Until(() => cluster.CompletedAsync(CampaignId), TimeSpan.FromSeconds(90), "the campaign did not complete");

        var workerMetrics = (await GetAsync(workerAddress, "metrics")).Text;
        Assert.Equal(Children, Value(workerMetrics, "mnas_worker_jobs_total", ("job", "evaluate"), ("outcome", "done")));
        Assert.Equal(Children, Value(workerMetrics, "mnas_worker_job_seconds_count", ("job", "evaluate")));
        Assert.Equal(1, Value(workerMetrics, "mnas_worker_slots"));
        Assert.Equal(0, Value(workerMetrics, "mnas_worker_busy_slots"));
        var controllerMetrics = (await GetAsync(controllerAddress, "metrics")).Text;
        Assert.Equal(Children, Value(controllerMetrics, "mnas_children_dispatched_total"));
        Assert.Equal(Children, Value(controllerMetrics, "mnas_results_recorded_total", ("outcome", "done")));
        // The campaign's run closes just after the store marks it completed.
        await cluster.Until(async () => (await GetAsync(controllerAddress, "metrics")).Text is var now &&
                Value(now, "mnas_workers_alive") == 1 && Value(now, "mnas_campaigns_running") == 0,
            TimeSpan.FromSeconds(10), "the controller does not count one worker alive and no campaign running");

        foreach (var (process, metrics) in new[] { (controller, controllerMetrics), (worker, workerMetrics) })
        {
            var samples = ExpositionFormat.Parse(metrics);
            Assert.Contains(samples, s => s.Name.StartsWith("orleans_", StringComparison.Ordinal));
            // Orleans' millisecond histograms, in seconds, and its camelCase tags in snake_case.
            Assert.Contains(samples, s => s.Name == "orleans_app_requests_latency_seconds_count" && s.Value > 0);
            Assert.DoesNotContain(samples, s => s.Name.Contains("milliseconds", StringComparison.Ordinal) || s.Labels.Keys.Any(k => k.Any(char.IsUpper)));
            await Promtool.AssertPassesAsync(metrics);
        }

        controller.Terminate();
        worker.Terminate();
        Assert.Equal(0, await worker.WaitAsync(TimeSpan.FromSeconds(60)));
        Assert.Equal(0, await controller.WaitAsync(TimeSpan.FromSeconds(60)));
    }

    /// <summary>The value of the one sample of <paramref name="name"/> with exactly <paramref name="labels"/>; null when there is none.</summary>
    private static double? Value(string metrics, string name, params (string Label, string Value)[] labels) =>
        ExpositionFormat.Parse(metrics)
            .Where(s => s.Name == name && s.Labels.Count == labels.Length && labels.All(l => s.Labels.TryGetValue(l.Label, out var v) && v == l.Value))
            .Select(s => (double?)s.Value)
            .SingleOrDefault();

    private async Task<Uri> ManagementAddressAsync(MnasProcess process)
    {
        await cluster.Until(() => Task.FromResult(ManagementLine().IsMatch(process.Output) || process.HasExited), TimeSpan.FromSeconds(90),
            $"{process.Name} says no management address");
        var match = ManagementLine().Match(process.Output);
        Assert.True(match.Success, $"{process.Name} ended:\n{process.Output}");
        return new Uri(match.Groups[1].Value + "/");
    }

    private async Task<(HttpStatusCode Status, string Text)> GetAsync(Uri address, string path)
    {
        using var response = await http.GetAsync(new Uri(address, path));
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    [GeneratedRegex(@"management: (http://[0-9.]+:[0-9]+)")]
    private static partial Regex ManagementLine();
}
