using System.Diagnostics.Metrics;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Mnas.Api.Health;
using Mnas.Api.Management;
using Mnas.Store.Postgres;
using Mnas.Store.Sqlite;

namespace Mnas.Api.Tests.Management;

/// <summary>The management listener on a real port: liveness from the role's loop, readiness from real stores, metrics from the process's meters.</summary>
public sealed class ManagementServerTests : IAsyncLifetime
{
    private readonly string data = Directory.CreateTempSubdirectory("mnas-management-").FullName;
    private TestManagement? management;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (management != null)
        {
            await management.DisposeAsync();
        }

        Directory.Delete(data, recursive: true);
    }

    [Fact(Timeout = 60_000)]
    public async Task a_role_whose_store_answers_is_alive_ready_and_measured()
    {
        await using var store = SqliteCampaignStore.InDirectory(data);
        await StartAsync(() => true, new StoreReadinessProbe(store));

        Assert.Equal((HttpStatusCode.OK, "ok\n"), await GetAsync("healthz"));
        Assert.Equal((HttpStatusCode.OK, "ready\n"), await GetAsync("readyz"));
        using var response = await management!.GetAsync("metrics");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(response.Content.Headers.ContentType!.Parameters, p => p.Name == "version" && p.Value == "0.0.4");
        var text = await response.Content.ReadAsStringAsync();
        Assert.Contains(ExpositionFormat.Parse(text), s => s.Name == "mnas_process_start_time_seconds");
        await Promtool.AssertPassesAsync(text);
    }

    [Fact(Timeout = 60_000)]
    public async Task the_projects_instruments_and_orleans_instruments_are_served_together_and_pass_promtool()
    {
        await using var api = await TestApi.StartAsync();
        await StartAsync(() => true);
        // Orleans creates its meter from the host's meter factory, by this name, when a silo or a client starts, and
        // its instruments as these: named with dashes, without descriptions.
        await using var services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var orleans = services.GetRequiredService<IMeterFactory>().Create(ManagementMetrics.OrleansMeter);
        var activations = orleans.CreateCounter<int>("orleans-catalog-activation-created");
        var activationCount = 0;
        orleans.CreateObservableGauge("orleans-catalog-activations", () => activationCount);
        // Some in milliseconds or megabytes, some tagged in camelCase: promtool's lint wants base units and snake_case.
        var latency = orleans.CreateHistogram<long>("orleans-app-requests-latency", "ms");
        orleans.CreateObservableGauge("orleans-runtime-available-memory", () => 3L, "MB");
        var messages = orleans.CreateCounter<long>("orleans-messaging-sent-messages");

        Assert.Equal(HttpStatusCode.OK, (await api.Client.GetAsync("/api/v1/campaigns")).StatusCode);
        activations.Add(2, KeyValuePair.Create<string, object?>("type", "campaign"));
        activationCount = 2;
        latency.Record(250);
        latency.Record(750);
        messages.Add(5, KeyValuePair.Create<string, object?>("MessageDirection", "OneWay"));

        var text = await management!.MetricsAsync();
        var samples = ExpositionFormat.Parse(text);
        Assert.Contains(samples, s => s.Name == "mnas_api_requests_total" && s.Labels["method"] == "GET" && s.Labels["status"] == "2xx" && s.Value >= 1);
        Assert.Contains(samples, s => s.Name == "mnas_api_request_seconds_count" && s.Value >= 1);
        Assert.Contains(samples, s => s.Name == "orleans_catalog_activation_created_total" && s.Labels["type"] == "campaign" && s.Value == 2);
        Assert.Contains(samples, s => s.Name == "orleans_catalog_activations" && s.Value == 2);
        Assert.Contains("# HELP orleans_catalog_activation_created_total orleans-catalog-activation-created, on the meter Microsoft.Orleans.\n", text);
        Assert.Contains(samples, s => s.Name == "orleans_app_requests_latency_seconds_sum" && Math.Abs(s.Value - 1.0) < 1e-9);
        Assert.Contains(samples, s => s.Name == "orleans_app_requests_latency_seconds_bucket" && s.Labels["le"] == "0.5" && s.Value == 1);
        Assert.Contains(samples, s => s.Name == "orleans_runtime_available_memory_bytes" && s.Value == 3 * 1024 * 1024);
        Assert.Contains(samples, s => s.Name == "orleans_messaging_sent_messages_total" && s.Labels["message_direction"] == "OneWay" && s.Value == 5);
        Assert.DoesNotContain(samples, s => s.Name.Contains("milliseconds", StringComparison.Ordinal) || s.Name.Contains("megabytes", StringComparison.Ordinal));
        await Promtool.AssertPassesAsync(text);
    }

    [Fact(Timeout = 60_000)]
    public async Task a_role_whose_store_is_unreachable_is_not_ready_and_says_why()
    {
        var closed = new PostgresStoreOptions { ConnectionString = $"Host=127.0.0.1;Port={ClosedPort()};Username=mnas;Timeout=2" };
        await using var store = new OpeningStoreReadinessProbe(token => OpenAsync(closed, token));
        await StartAsync(() => true, store);

        var (status, text) = await GetAsync("readyz");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.StartsWith("not ready: store (", text);
        Assert.Equal(HttpStatusCode.OK, (await GetAsync("healthz")).Status);
    }

    [Fact(Timeout = 60_000)]
    public async Task a_role_whose_loop_has_stopped_is_not_alive()
    {
        var running = true;
        await StartAsync(() => running);
        Assert.Equal(HttpStatusCode.OK, (await GetAsync("healthz")).Status);

        running = false;

        Assert.Equal((HttpStatusCode.ServiceUnavailable, "stopped\n"), await GetAsync("healthz"));
    }

    [Fact]
    public void it_is_not_built_without_an_address_or_with_a_bad_one()
    {
        using var metrics = new ManagementMetrics();
        var off = Assert.Throws<ArgumentException>(() => ManagementServer.Create(new ManagementOptions(), () => true, [], metrics));
        Assert.StartsWith("management.listen: not set", off.Message);
        var bad = Assert.Throws<ArgumentException>(() => ManagementServer.Create(new ManagementOptions { Listen = "localhost" }, () => true, [], metrics));
        Assert.StartsWith("management.listen: must be an http URL", bad.Message);
    }

    private static async Task<Mnas.Store.ICampaignStore> OpenAsync(PostgresStoreOptions options, CancellationToken cancellation) =>
        await PostgresCampaignStore.OpenAsync(options, cancellation);

    private async Task StartAsync(Func<bool> alive, params IReadinessProbe[] probes) => management = await TestManagement.StartAsync(alive, probes);

    private async Task<(HttpStatusCode Status, string Text)> GetAsync(string path)
    {
        using var response = await management!.GetAsync(path);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
