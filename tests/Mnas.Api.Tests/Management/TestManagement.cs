using Microsoft.AspNetCore.Builder;
using Mnas.Api.Health;
using Mnas.Api.Management;

namespace Mnas.Api.Tests.Management;

/// <summary>A management listener on a free loopback port with metrics of its own, collecting from its creation on, and a client for it.</summary>
internal sealed class TestManagement : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly HttpClient http = new();

    private TestManagement(WebApplication app, ManagementMetrics metrics) => (this.app, Metrics) = (app, metrics);

    public ManagementMetrics Metrics { get; }

    public Uri Address => new(app.Urls.Single() + "/");

    /// <summary>Starts one over <paramref name="metrics"/> (made afresh when null; disposed with the listener).</summary>
    public static async Task<TestManagement> StartAsync(Func<bool>? alive = null, IReadinessProbe[]? probes = null, ManagementMetrics? metrics = null)
    {
        metrics ??= new ManagementMetrics();
        var app = ManagementServer.Create(new ManagementOptions { Listen = "http://127.0.0.1:0" }, alive ?? (() => true), probes ?? [], metrics);
        await app.StartAsync();
        return new TestManagement(app, metrics);
    }

    public Task<HttpResponseMessage> GetAsync(string path) => http.GetAsync(new Uri(Address, path));

    /// <summary><c>GET /metrics</c> as a scraper asks for it, checked to be a success; its text.</summary>
    public async Task<string> MetricsAsync()
    {
        using var response = await GetAsync("metrics");
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"/metrics: {(int)response.StatusCode} {text}");
        return text;
    }

    public async ValueTask DisposeAsync()
    {
        await app.DisposeAsync();
        Metrics.Dispose();
        http.Dispose();
    }
}
