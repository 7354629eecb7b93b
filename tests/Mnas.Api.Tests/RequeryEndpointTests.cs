using System.Net;
using System.Text;

namespace Mnas.Api.Tests;

/// <summary>
/// <c>POST /campaigns/{id}/requery</c>'s refusals over a real SQLite store: bodies refused naming the field before anything is
/// asked, campaigns that cannot be asked (another strategy, no fitted predictor yet), and who may ask. (A requery that
/// answers needs a campaign whose predictor was fitted; the campaign runtime's tests run one.)
/// </summary>
public sealed class RequeryEndpointTests : IAsyncLifetime
{
    private TestApi api = null!;
    private Fbnetv3Seed seed = null!;

    public async Task InitializeAsync()
    {
        api = await TestApi.StartAsync();
        seed = new Fbnetv3Seed(api.Store);
        await seed.CreateAsync("v3");
    }

    public async Task DisposeAsync() => await api.DisposeAsync();

    public static TheoryData<string, string> BadBodies => new()
    {
        { """{"max_latency":5}""", "max_latency" },
        { """{"max_latency_ms":5,"limit":1}""", "limit" },
        { """{"max_latency_ms":0}""", "max_latency_ms" },
        { """{"max_latency_ms":-2.5}""", "max_latency_ms" },
        { """{"max_latency_ms":"fast"}""", "max_latency_ms" },
        { """{"max_latency_ms":1e999}""", "max_latency_ms" },
        { """{"max_params":0}""", "max_params" },
        { """{"max_params":1.5}""", "max_params" },
        { """{"max_params":true}""", "max_params" },
        { """{"max_macs":-1}""", "max_macs" },
        { """{"max_macs":[1]}""", "max_macs" },
        { """{"max_peak_activation_bytes":99999999999999999999999}""", "max_peak_activation_bytes" },
        { """{"max_peak_activation_bytes":{}}""", "max_peak_activation_bytes" },
        { """[1, 2]""", "body" },
        { """{"max_params":""", "body" },
        { "null", "body" },
    };

    [Theory]
    [MemberData(nameof(BadBodies))]
    public async Task a_bad_body_is_refused_naming_the_field(string body, string field)
    {
        using var response = await PostAsync(api.Client, "v3", body);

        var problem = await Problem.ReadAsync(response);
        Assert.Equal((HttpStatusCode.BadRequest, "Invalid requery"), (problem.Status, problem.Title));
        var errors = problem.Body.GetProperty("errors");
        Assert.Equal([field], errors.EnumerateObject().Select(e => e.Name));
        Assert.NotEmpty(errors.GetProperty(field)[0].GetString()!);
    }

    [Fact]
    public async Task every_offending_field_is_named_at_once()
    {
        using var response = await PostAsync(api.Client, "v3", """{"max_latency_ms":-1,"max_params":0,"max_macs":2.5,"speed":1}""");

        var problem = await Problem.ReadAsync(response);
        Assert.Equal(["max_latency_ms", "max_macs", "max_params", "speed"], problem.Body.GetProperty("errors").EnumerateObject().Select(e => e.Name).Order());
    }

    [Theory]
    [InlineData("rl")]
    [InlineData("bn-nas")]
    public async Task a_campaign_of_another_strategy_cannot_be_asked_again(string strategy)
    {
        await seed.CreateAsync("other", strategy: strategy);

        using var response = await PostAsync(api.Client, "other", """{"max_latency_ms":5}""");

        var problem = await Problem.ReadAsync(response);
        Assert.Equal((HttpStatusCode.Conflict, "Cannot requery"), (problem.Status, problem.Title));
        Assert.Contains($"the {strategy} strategy", problem.Detail, StringComparison.Ordinal);
        Assert.Contains("fbnetv3", problem.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task an_fbnetv3_campaign_without_a_predictor_yet_cannot_be_asked_again_and_nothing_is_written()
    {
        await seed.RecordStepsAsync("v3");
        var events = await api.Store.ListEventsAsync("v3");

        using var empty = await PostAsync(api.Client, "v3", "");
        using var limited = await PostAsync(api.Client, "v3", """{"max_latency_ms":5,"max_params":3e6,"max_macs":null}""");

        foreach (var response in new[] { empty, limited })
        {
            var problem = await Problem.ReadAsync(response);
            Assert.Equal((HttpStatusCode.Conflict, "Cannot requery"), (problem.Status, problem.Title));
            Assert.Contains("no predictor yet", problem.Detail, StringComparison.Ordinal);
        }

        Assert.Equal(events, await api.Store.ListEventsAsync("v3"));
        Assert.Equal(5, (await api.Store.ListSearchRoundsAsync("v3")).Count);
        Assert.Null(await api.Store.GetLatestCheckpointAsync("v3"));
    }

    [Fact]
    public async Task a_researcher_may_ask_their_own_campaign_but_not_anothers_and_no_key_none()
    {
        await seed.CreateAsync("mine", owner: api.Researcher.Id);
        using var researcher = api.ClientWith(api.Researcher.Plaintext);

        using var own = await PostAsync(researcher, "mine", "{}");
        using var others = await PostAsync(researcher, "v3", "{}");
        using var unknown = await PostAsync(api.Client, "nope", "{}");
        using var anonymous = await PostAsync(api.Anonymous, "v3", "{}");

        Assert.Equal(HttpStatusCode.Conflict, own.StatusCode);
        Assert.Contains("no predictor yet", (await Problem.ReadAsync(own)).Detail, StringComparison.Ordinal);
        Assert.Equal(("Campaign not found", HttpStatusCode.NotFound), ((await Problem.ReadAsync(others)).Title, others.StatusCode));
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
    }

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, string campaign, string body) =>
        client.PostAsync($"/api/v1/campaigns/{campaign}/requery", new StringContent(body, Encoding.UTF8, "application/json"));
}
