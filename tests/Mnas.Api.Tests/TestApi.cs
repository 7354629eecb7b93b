using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Mnas.Api.Health;
using Mnas.Api.Security;
using Mnas.Campaigns;
using Mnas.Store.Sqlite;

namespace Mnas.Api.Tests;

/// <summary>
/// The API on a free loopback port over a real SQLite store in a directory of its own, with an operator's and a researcher's
/// key, and clients for it: <see cref="Client"/> presents the operator's key, <see cref="Anonymous"/> none.
/// </summary>
internal sealed class TestApi : IAsyncDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 11, 24, 12, 0, 0, TimeSpan.Zero);

    private readonly WebApplication app;
    private readonly string directory;

    private TestApi(WebApplication app, SqliteCampaignStore store, ManualClock clock, string directory, TestKey operatorKey, TestKey researcherKey)
    {
        (this.app, Store, Clock, this.directory, Operator, Researcher) = (app, store, clock, directory, operatorKey, researcherKey);
        Client = ClientWith(operatorKey.Plaintext);
        Anonymous = ClientWith(null);
    }

    public TestKey Operator { get; }

    public TestKey Researcher { get; }

    public HttpClient Anonymous { get; }

    public IServiceProvider Services => app.Services;

    /// <summary>A client that presents <paramref name="key"/> as a bearer token (none when null); the caller disposes it.</summary>
    public HttpClient ClientWith(string? key)
    {
        var client = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };
        if (key is not null)
        {
            client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", key);
        }

        return client;
    }

    /// <summary>A new key of <paramref name="role"/> in the store.</summary>
    public async Task<TestKey> CreateKeyAsync(string name, ApiRole role)
    {
        var (key, plaintext) = await ApiKeys.CreateAsync(Store, name, role, Clock);
        return new TestKey(key.Id, plaintext);
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
        var operatorKey = await ApiKeys.CreateAsync(store, "operator", ApiRole.Operator, clock);
        var researcherKey = await ApiKeys.CreateAsync(store, "researcher", ApiRole.Researcher, clock);
        return new TestApi(app, store, clock, directory, new TestKey(operatorKey.Key.Id, operatorKey.Plaintext),
            new TestKey(researcherKey.Key.Id, researcherKey.Plaintext));
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
        Anonymous.Dispose();
        await app.DisposeAsync();
        await Store.DisposeAsync();
        Directory.Delete(directory, recursive: true);
    }
}

/// <summary>A key of the test's store: its id (the owner of the campaigns it creates) and its text.</summary>
internal sealed record TestKey(string Id, string Plaintext);
