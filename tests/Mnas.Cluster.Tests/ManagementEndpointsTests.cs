using System.Net;
using System.Text.RegularExpressions;
using Mnas.Api.Tests.Management;
using Mnas.Campaigns;
using Mnas.Grains;
using Mnas.Grains.Tests.RabbitMq;
using Mnas.Store.Postgres;
using Mnas.Store.Tests.Postgres;

namespace Mnas.Cluster.Tests;

/// <summary>
/// <c>mnas controller</c> and <c>mnas worker</c> processes with <c>management.listen</c> on a free port, over the
/// broker and a PostgreSQL store: each says where it listens, is alive and ready, and its metrics count the children
/// of a small campaign with the simulated trainer as they are dispatched, finished and recorded, in text promtool accepts.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed partial class ManagementEndpointsTests(RabbitMqBroker broker) : IAsyncLifetime
{
    private const int Children = 3;
    private readonly string data = Directory.CreateTempSubdirectory("mnas-management-").FullName;
    private readonly RabbitMqOptions rabbitMq = broker.ForTest();
    private readonly HttpClient http = new();
    private PostgresTestDatabase database = null!;

    public async Task InitializeAsync() => database = await PostgresTestServer.CreateMigratedDatabaseAsync();

    public async Task DisposeAsync()
    {
        http.Dispose();
        await database.DisposeAsync();
        Directory.Delete(data, recursive: true);
    }

    [Fact(Timeout = 240_000)]
    public async Task a_controller_and_a_worker_are_alive_ready_and_count_a_campaign_in_their_metrics()
    {
        string[] settings =
        [
            "store=postgres", $"store.postgres.connection_string={database.ConnectionString}", "management.listen=http://127.0.0.1:0",
            "leases.heartbeat_seconds=1", "worker.trainer=simulated", "worker.simulated_seconds=0.2",
        ];
        await using var controller = MnasProcess.Start("controller", rabbitMq, Path.Combine(data, "controller"), settings);
        await using var worker = MnasProcess.Worker(rabbitMq, Path.Combine(data, "worker"), settings);
        var controllerAddress = await ManagementAddressAsync(controller);
        var workerAddress = await ManagementAddressAsync(worker);

        foreach (var (process, address) in new[] { (controller, controllerAddress), (worker, workerAddress) })
        {
            Assert.Equal((HttpStatusCode.OK, "ok\n"), await GetAsync(address, "healthz"));
            await Until(async () => (await GetAsync(address, "readyz")).Status == HttpStatusCode.OK, TimeSpan.FromSeconds(30),
                () => $"not ready at {address}:\n{process.Output}");
        }

        await Until(async () => Value((await GetAsync(controllerAddress, "metrics")).Text, "mnas_coordinator_leading") == 1,
            TimeSpan.FromSeconds(30), () => $"the controller does not say it leads:\n{controller.Output}");
        Assert.Equal(1, Value((await GetAsync(workerAddress, "metrics")).Text, "mnas_worker_slots"));

        await using (var submit = MnasProcess.Start("submit", rabbitMq, Path.Combine(data, "submit"), settings[..2],
                         "--spec", await SpecAsync(), "--children", $"{Children}", "--id", "measured", "--strategy", "random"))
        {
            Assert.True(await submit.WaitAsync(TimeSpan.FromSeconds(60)) == 0, submit.Output);
        }

        await using var reader = await PostgresCampaignStore.OpenAsync(new PostgresStoreOptions { ConnectionString = database.ConnectionString });
        await Until(async () => (await reader.GetCampaignAsync("measured"))!.Status == CampaignStatus.Completed, TimeSpan.FromSeconds(120),
            () => $"the campaign did not complete:\n{controller.Output}\n{worker.Output}");

        var workerMetrics = (await GetAsync(workerAddress, "metrics")).Text;
        Assert.Equal(Children, Value(workerMetrics, "mnas_worker_jobs_total", ("job", "evaluate"), ("outcome", "done")));
        Assert.Equal(Children, Value(workerMetrics, "mnas_worker_job_seconds_count", ("job", "evaluate")));
        Assert.Equal(0, Value(workerMetrics, "mnas_worker_busy_slots"));
        await Promtool.AssertPassesAsync(workerMetrics);
        var controllerMetrics = (await GetAsync(controllerAddress, "metrics")).Text;
        Assert.Equal(Children, Value(controllerMetrics, "mnas_children_dispatched_total"));
        Assert.Equal(Children, Value(controllerMetrics, "mnas_results_recorded_total", ("outcome", "done")));
        Assert.Equal(1, Value(controllerMetrics, "mnas_workers_alive"));
        Assert.Equal(0, Value(controllerMetrics, "mnas_leases_active"));
        await Promtool.AssertPassesAsync(controllerMetrics);

        Assert.Equal(0, await worker.TerminateAsync(TimeSpan.FromSeconds(60)));
        Assert.Equal(0, await controller.TerminateAsync(TimeSpan.FromSeconds(60)));
    }

    /// <summary>The value of the one sample of <paramref name="name"/> with exactly <paramref name="labels"/>; null when there is none.</summary>
    private static double? Value(string metrics, string name, params (string Label, string Value)[] labels) =>
        ExpositionFormat.Parse(metrics)
            .Where(s => s.Name == name && s.Labels.Count == labels.Length && labels.All(l => s.Labels.TryGetValue(l.Label, out var v) && v == l.Value))
            .Select(s => (double?)s.Value)
            .SingleOrDefault();

    private async Task<string> SpecAsync()
    {
        var spec = Path.Combine(data, "spec.yaml");
        await File.WriteAllTextAsync(spec, "name: measured\nproxy:\n  epochs: 1\n");
        return spec;
    }

    private static async Task<Uri> ManagementAddressAsync(MnasProcess process)
    {
        await Until(() => Task.FromResult(ManagementLine().IsMatch(process.Output) || process.HasExited), TimeSpan.FromSeconds(60),
            () => $"no management address:\n{process.Output}");
        var match = ManagementLine().Match(process.Output);
        Assert.True(match.Success, $"the process ended:\n{process.Output}");
        return new Uri(match.Groups[1].Value + "/");
    }

    private async Task<(HttpStatusCode Status, string Text)> GetAsync(Uri address, string path)
    {
        using var response = await http.GetAsync(new Uri(address, path));
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    private static async Task Until(Func<Task<bool>> condition, TimeSpan limit, Func<string> failure)
    {
        using var timeout = new CancellationTokenSource(limit);
        while (!await condition())
        {
            Assert.False(timeout.IsCancellationRequested, failure());
            await Task.Delay(250);
        }
    }

    [GeneratedRegex(@"management: (http://[0-9.]+:[0-9]+)")]
    private static partial Regex ManagementLine();
}
