using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Mnas.Api.Health;
using Mnas.Api.Management;
using Mnas.Metrics;
using Mnas.Store.Postgres;
using Mnas.Store.Sqlite;

namespace Mnas.Api.Tests.Management;

/// <summary>The management listener on a real port: liveness from the role's loop, readiness from real stores, metrics from the process's meter.</summary>
public sealed class ManagementServerTests : IAsyncDisposable
{
    private readonly string data = Directory.CreateTempSubdirectory("mnas-management-").FullName;
    private readonly MetricsCollector metrics = new();
    private readonly HttpClient http = new();
    private WebApplication? app;

    public async ValueTask DisposeAsync()
    {
        if (app != null)
        {
            await app.DisposeAsync();
        }

        metrics.Dispose();
        http.Dispose();
        Directory.Delete(data, recursive: true);
    }

    [Fact(Timeout = 60_000)]
    public async Task a_role_whose_store_answers_is_alive_ready_and_measured()
    {
        await using var store = SqliteCampaignStore.InDirectory(data);
        var address = await StartAsync(() => true, new StoreReadinessProbe(store));

        Assert.Equal((HttpStatusCode.OK, "ok\n"), await GetAsync(address, "healthz"));
        Assert.Equal((HttpStatusCode.OK, "ready\n"), await GetAsync(address, "readyz"));
        using var response = await http.GetAsync(new Uri(address, "metrics"));
        Assert.Equal("text/plain; version=0.0.4; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        var samples = ExpositionFormat.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains(samples, s => s.Name == "mnas_process_start_time_seconds");
    }

    [Fact(Timeout = 60_000)]
    public async Task a_role_whose_store_is_unreachable_is_not_ready_and_says_why()
    {
        var closed = new PostgresStoreOptions { ConnectionString = $"Host=127.0.0.1;Port={ClosedPort()};Username=mnas;Timeout=2" };
        await using var store = new OpeningStoreReadinessProbe(token => OpenAsync(closed, token));
        var address = await StartAsync(() => true, store);

        var (status, text) = await GetAsync(address, "readyz");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.StartsWith("not ready: store (", text);
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(address, "healthz")).Status);
    }

    [Fact(Timeout = 60_000)]
    public async Task a_role_whose_loop_has_stopped_is_not_alive()
    {
        var running = true;
        var address = await StartAsync(() => running);
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(address, "healthz")).Status);

        running = false;

        Assert.Equal((HttpStatusCode.ServiceUnavailable, "stopped\n"), await GetAsync(address, "healthz"));
    }

    [Fact]
    public void it_is_not_built_without_an_address_or_with_a_bad_one()
    {
        var off = Assert.Throws<ArgumentException>(() => ManagementServer.Create(new ManagementOptions(), () => true, [], metrics));
        Assert.StartsWith("management.listen: not set", off.Message);
        var bad = Assert.Throws<ArgumentException>(() => ManagementServer.Create(new ManagementOptions { Listen = "localhost" }, () => true, [], metrics));
        Assert.StartsWith("management.listen: must be an http URL", bad.Message);
    }

    private static async Task<Mnas.Store.ICampaignStore> OpenAsync(PostgresStoreOptions options, CancellationToken cancellation) =>
        await PostgresCampaignStore.OpenAsync(options, cancellation);

    private async Task<Uri> StartAsync(Func<bool> alive, params IReadinessProbe[] probes)
    {
        app = ManagementServer.Create(new ManagementOptions { Listen = "http://127.0.0.1:0" }, alive, probes, metrics);
        await app.StartAsync();
        return new Uri(app.Urls.Single() + "/");
    }

    private async Task<(HttpStatusCode Status, string Text)> GetAsync(Uri address, string path)
    {
        using var response = await http.GetAsync(new Uri(address, path));
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
