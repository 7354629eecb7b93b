using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Mnas.Api.Health;
using Mnas.Store.Sqlite;

namespace Mnas.Api.Tests;

/// <summary>The API on a free loopback port over a real SQLite store in a directory of its own, and a client for it.</summary>
internal sealed class TestApi : IAsyncDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 11, 24, 12, 0, 0, TimeSpan.Zero);

    private readonly WebApplication app;
    private readonly string directory;

    private TestApi(WebApplication app, SqliteCampaignStore store, ManualClock clock, string directory)
    {
        (this.app, Store, Clock, this.directory) = (app, store, clock, directory);
        Client = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };
    }

    public SqliteCampaignStore Store { get; }

    public ManualClock Clock { get; }

    public HttpClient Client { get; }

    public static JsonSerializerOptions Json { get; } = ConfigureJson();

    public static async Task<TestApi> StartAsync(ApiOptions? options = null, params IReadinessProbe[] probes)
    {
        var directory = Directory.CreateTempSubdirectory("mnas-api-").FullName;
        var store = SqliteCampaignStore.InDirectory(directory);
        var clock = new ManualClock(Start);
        var app = ApiServer.Create((options ?? new ApiOptions()) with { Listen = "http://127.0.0.1:0" }, store, probes, clock: clock);
        await app.StartAsync();
        return new TestApi(app, store, clock, directory);
    }

    public async Task<T> GetAsync<T>(string path)
    {
        using var response = await Client.GetAsync(path);
        Assert.True(response.IsSuccessStatusCode, $"GET {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<T>(Json))!;
    }

    private static JsonSerializerOptions ConfigureJson()
    {
        var json = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        ApiJson.Configure(json);
        return json;
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await app.DisposeAsync();
        await Store.DisposeAsync();
        Directory.Delete(directory, recursive: true);
    }
}
