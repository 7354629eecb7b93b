using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Mnas.Api.Children;
using Mnas.Api.Security;
using Mnas.Campaigns;
using Mnas.Grains;
using Mnas.Store.Sqlite;

namespace Mnas.Api.Tests.Factory;

/// <summary>
/// The auth matrix, paging and sorting, and the event stream's order, through the web application factory's test
/// server over a real SQLite store.
/// </summary>
public sealed class WebApplicationFactoryTests : IAsyncLifetime
{
    private readonly string directory = Directory.CreateTempSubdirectory("mnas-factory-").FullName;
    private readonly ManualClock clock = new(TestApi.Start);
    private SqliteCampaignStore store = null!;
    private MnasApiFactory factory = null!;
    private string operatorKey = "";
    private string researcherKey = "";
    private string researcherId = "";

    public async Task InitializeAsync()
    {
        store = SqliteCampaignStore.InDirectory(directory);
        factory = new MnasApiFactory(store, clock);
        operatorKey = (await ApiKeys.CreateAsync(store, "operator", ApiRole.Operator, clock)).Plaintext;
        var researcher = await ApiKeys.CreateAsync(store, "researcher", ApiRole.Researcher, clock);
        (researcherKey, researcherId) = (researcher.Plaintext, researcher.Key.Id);
        await Campaign("theirs", owner: "someone-else");
        await Campaign("mine", owner: researcherId);
        var seed = new CampaignSeed(store);
        for (var sequence = 1; sequence <= 7; sequence++)
        {
            await seed.DoneAsync("mine", sequence, accuracy: 0.5 + sequence % 4 / 10.0, latencyMs: 10 + sequence, reward: sequence % 3 / 10.0, minutes: sequence);
        }
    }

    public async Task DisposeAsync()
    {
        await factory.DisposeAsync();
        await store.DisposeAsync();
        Directory.Delete(directory, recursive: true);
    }

    private Task Campaign(string id, string owner) =>
        store.CreateCampaignAsync(new Campaign(id, id, "{}", new CampaignSettings("rl").ToJson(), 7, CampaignStatus.Running, TestApi.Start, owner));

    private HttpClient Client(string? key)
    {
        var client = factory.CreateClient();
        if (key != null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }
        return client;
    }

    [Theory]
    [InlineData("GET", "/api/v1/campaigns")]
    [InlineData("GET", "/api/v1/campaigns/mine")]
    [InlineData("GET", "/api/v1/campaigns/mine/children")]
    [InlineData("GET", "/api/v1/campaigns/mine/children/1")]
    [InlineData("GET", "/api/v1/campaigns/mine/pareto")]
    [InlineData("GET", "/api/v1/campaigns/mine/controller")]
    [InlineData("GET", "/api/v1/campaigns/mine/events/stream")]
    [InlineData("GET", "/api/v1/workers")]
    [InlineData("POST", "/api/v1/campaigns")]
    [InlineData("POST", "/api/v1/campaigns/mine/cancel")]
    [InlineData("DELETE", "/api/v1/campaigns/theirs")]
    public async Task without_a_key_every_endpoint_answers_401(string method, string path)
    {
        using var client = Client(null);
        using var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path) { Content = JsonContent.Create(new { }) });

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("/api/v1/campaigns/theirs")]
    [InlineData("/api/v1/campaigns/theirs/children")]
    [InlineData("/api/v1/campaigns/theirs/pareto")]
    [InlineData("/api/v1/campaigns/theirs/controller")]
    public async Task a_researcher_asking_for_anothers_campaign_gets_404_and_an_operator_gets_it(string path)
    {
        using var researcher = Client(researcherKey);
        using var op = Client(operatorKey);

        Assert.Equal(HttpStatusCode.NotFound, (await researcher.GetAsync(path)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await op.GetAsync(path)).StatusCode);
    }

    [Fact]
    public async Task a_researcher_may_not_delete_and_an_operator_may()
    {
        using var researcher = Client(researcherKey);
        using var op = Client(operatorKey);
        await store.UpdateCampaignStatusAsync("mine", CampaignStatus.Cancelled);

        Assert.Equal(HttpStatusCode.Forbidden, (await researcher.DeleteAsync("/api/v1/campaigns/mine")).StatusCode);
        Assert.NotNull(await store.GetCampaignAsync("mine"));
        Assert.Equal(HttpStatusCode.NoContent, (await op.DeleteAsync("/api/v1/campaigns/mine")).StatusCode);
        Assert.Null(await store.GetCampaignAsync("mine"));
    }

    [Fact]
    public async Task children_come_in_pages_sorted_as_asked()
    {
        using var researcher = Client(researcherKey);

        var first = await researcher.GetFromJsonAsync<ChildPage>("/api/v1/campaigns/mine/children?sort=latency_ms&order=desc&page=1&page_size=3", TestApi.Json);
        var third = await researcher.GetFromJsonAsync<ChildPage>("/api/v1/campaigns/mine/children?sort=latency_ms&order=desc&page=3&page_size=3", TestApi.Json);

        Assert.Equal(7, first!.Total);
        Assert.Equal([7L, 6, 5], first.Items.Select(c => c.Sequence));
        Assert.Equal([1L], third!.Items.Select(c => c.Sequence));
        var byReward = await researcher.GetFromJsonAsync<ChildPage>("/api/v1/campaigns/mine/children?sort=reward&order=asc&page_size=50", TestApi.Json);
        Assert.Equal(byReward!.Items.Select(c => c.Reward).Order(), byReward.Items.Select(c => c.Reward));
    }

    [Fact]
    public async Task the_event_stream_delivers_the_campaigns_events_in_order()
    {
        for (var i = 1; i <= 5; i++)
        {
            await store.AppendEventAsync("mine", "note", $"note {i}", TestApi.Start.AddSeconds(i));
        }
        using var researcher = Client(researcherKey);

        await using var stream = await SseClient.OpenAsync(researcher, "/api/v1/campaigns/mine/events/stream");
        var messages = await stream.NextAsync(5);

        Assert.Equal(["note 1", "note 2", "note 3", "note 4", "note 5"], messages.Select(m => m.Data.GetProperty("message").GetString()));
        Assert.Equal(messages.Select(m => m.Id).Order(), messages.Select(m => m.Id));
        Assert.All(messages, m => Assert.Equal("event", m.Type));
    }
}
