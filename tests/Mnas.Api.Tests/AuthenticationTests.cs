using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Mnas.Api.Campaigns;
using Mnas.Campaigns;
using Mnas.Grains;

namespace Mnas.Api.Tests;

/// <summary>Who may call what: every /api/v1 endpoint needs a valid key; researchers see only their own campaigns and no workers.</summary>
public sealed partial class AuthenticationTests : IAsyncLifetime
{
    private TestApi api = null!;

    public async Task InitializeAsync() => api = await TestApi.StartAsync();

    public async Task DisposeAsync() => await api.DisposeAsync();

    /// <summary>Every endpoint the app maps under /api/v1, with its route parameters filled in: endpoints added later are covered too.</summary>
    private List<(string Method, string Path)> VersionOneEndpoints() =>
        api.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/v1", StringComparison.Ordinal) == true)
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"])
                .Select(method => (method, RouteParameter().Replace(e.RoutePattern.RawText!, "1"))))
            .ToList();

    [Fact]
    public async Task every_api_endpoint_answers_401_problem_details_without_a_key()
    {
        var endpoints = VersionOneEndpoints();
        Assert.Contains(("GET", "/api/v1/workers/"), endpoints);
        Assert.Contains(("GET", "/api/v1/campaigns/1"), endpoints);

        foreach (var (method, path) in endpoints)
        {
            using var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = new StringContent("{}") };
            using var response = await api.Anonymous.SendAsync(request);
            var problem = await Problem.ReadAsync(response);

            Assert.True(problem.Status == HttpStatusCode.Unauthorized, $"{method} {path}: {problem.Status}");
            Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
        }
    }

    public static TheoryData<string> RefusedKeys => new()
    {
        "mnas_0123456789ab_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
        "not-a-key",
        "mnas_0123456789AB_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
        "' OR 1=1 --",
    };

    [Theory]
    [MemberData(nameof(RefusedKeys))]
    public async Task an_unknown_or_malformed_key_answers_401(string key)
    {
        using var client = api.ClientWith(key);

        using var response = await client.GetAsync("/api/v1/campaigns");

        Assert.Equal(HttpStatusCode.Unauthorized, (await Problem.ReadAsync(response)).Status);
    }

    [Fact]
    public async Task a_key_with_the_right_id_and_a_wrong_secret_answers_401()
    {
        var forged = api.Researcher.Plaintext[..^4] + (api.Researcher.Plaintext.EndsWith("AAAA", StringComparison.Ordinal) ? "BBBB" : "AAAA");
        using var client = api.ClientWith(forged);

        using var response = await client.GetAsync("/api/v1/campaigns");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task a_revoked_key_answers_401()
    {
        using var client = api.ClientWith(api.Researcher.Plaintext);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/campaigns")).StatusCode);

        await api.Store.RevokeApiKeyAsync(api.Researcher.Id, TestApi.Start);

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/campaigns")).StatusCode);
    }

    [Fact]
    public async Task the_key_may_come_in_the_x_api_key_header()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/campaigns");
        request.Headers.Add("X-Api-Key", api.Operator.Plaintext);

        using var response = await api.Anonymous.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("/healthz")]
    [InlineData("/readyz")]
    public async Task health_answers_without_a_key(string path)
    {
        Assert.Equal(HttpStatusCode.OK, (await api.Anonymous.GetAsync(path)).StatusCode);
    }

    [Fact]
    public async Task a_researcher_is_refused_the_workers_with_403_problem_details()
    {
        using var client = api.ClientWith(api.Researcher.Plaintext);

        using var response = await client.GetAsync("/api/v1/workers");

        Assert.Equal(HttpStatusCode.Forbidden, (await Problem.ReadAsync(response)).Status);
    }

    [Fact]
    public async Task a_researcher_lists_and_reads_only_its_own_campaigns_and_others_answer_404()
    {
        await CreateAsync("mine", api.Researcher.Id);
        await CreateAsync("theirs", "ffffffffffff");
        await CreateAsync("cli", "");
        using var client = api.ClientWith(api.Researcher.Plaintext);

        var listed = await ReadAsync<List<CampaignResponse>>(client, "/api/v1/campaigns");
        using var other = await client.GetAsync("/api/v1/campaigns/theirs");
        using var unknown = await client.GetAsync("/api/v1/campaigns/nowhere");

        Assert.Equal(["mine"], listed.Select(c => c.Id));
        Assert.Equal("mine", (await ReadAsync<CampaignResponse>(client, "/api/v1/campaigns/mine")).Id);
        var otherProblem = await Problem.ReadAsync(other);
        var unknownProblem = await Problem.ReadAsync(unknown);
        Assert.Equal(HttpStatusCode.NotFound, otherProblem.Status);
        Assert.Equal(otherProblem.Title, unknownProblem.Title);
    }

    [Fact]
    public async Task an_operator_lists_and_reads_every_campaign()
    {
        await CreateAsync("mine", api.Researcher.Id);
        await CreateAsync("theirs", "ffffffffffff");

        var listed = await api.GetAsync<List<CampaignResponse>>("/api/v1/campaigns");

        Assert.Equal(["mine", "theirs"], listed.Select(c => c.Id));
        Assert.Equal("theirs", (await api.GetAsync<CampaignResponse>("/api/v1/campaigns/theirs")).Id);
    }

    private Task CreateAsync(string id, string owner) =>
        api.Store.CreateCampaignAsync(new Campaign(id, id, "{}", new CampaignSettings().ToJson(), 7, CampaignStatus.Running, TestApi.Start, owner));

    private static async Task<T> ReadAsync<T>(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        Assert.True(response.IsSuccessStatusCode, $"GET {path}: {(int)response.StatusCode}");
        return (await System.Net.Http.Json.HttpContentJsonExtensions.ReadFromJsonAsync<T>(response.Content, TestApi.Json))!;
    }

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex RouteParameter();
}
