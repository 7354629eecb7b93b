using System.Net;
using System.Text;

namespace Mnas.Api.Tests;

/// <summary>The rate limit per key and the body size limit, each answered as problem details naming its setting.</summary>
public sealed class LimitTests
{
    [Fact]
    public async Task a_key_over_its_rate_limit_is_answered_429_while_another_key_goes_on()
    {
        await using var api = await TestApi.StartAsync(new ApiOptions { RateLimitPerMinute = 3 });
        using var researcher = api.ClientWith(api.Researcher.Plaintext);

        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await api.Client.GetAsync("/api/v1/campaigns")).StatusCode);
        }

        using var refused = await api.Client.GetAsync("/api/v1/campaigns");
        var problem = await Problem.ReadAsync(refused);

        Assert.Equal(HttpStatusCode.TooManyRequests, problem.Status);
        Assert.Contains("api.rate_limit_per_minute", problem.Detail);
        Assert.NotNull(refused.Headers.RetryAfter);
        Assert.Equal(HttpStatusCode.OK, (await researcher.GetAsync("/api/v1/campaigns")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await api.Client.GetAsync("/healthz")).StatusCode);
    }

    [Fact]
    public async Task a_body_over_the_limit_is_answered_413_and_nothing_is_written()
    {
        await using var api = await TestApi.StartAsync(new ApiOptions { MaxBodyBytes = 1024 });
        var body = "{'spec': {'name': '".Replace('\'', '"') + new string('x', 2000) + "'}}".Replace('\'', '"');

        using var response = await api.Client.PostAsync("/api/v1/campaigns", new StringContent(body, Encoding.UTF8, "application/json"));
        var problem = await Problem.ReadAsync(response);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, problem.Status);
        Assert.Contains("api.max_body_bytes", problem.Detail);
        Assert.Empty(await api.Store.ListCampaignsAsync());
    }

    [Fact]
    public async Task a_chunked_body_over_the_limit_is_answered_413_too()
    {
        await using var api = await TestApi.StartAsync(new ApiOptions { MaxBodyBytes = 1024 });
        var content = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes("{\"spec\": {\"name\": \"" + new string('x', 5000) + "\"}}")));
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/campaigns") { Content = content };
        request.Headers.TransferEncodingChunked = true;

        using var response = await api.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, (await Problem.ReadAsync(response)).Status);
        Assert.Empty(await api.Store.ListCampaignsAsync());
    }

    [Theory]
    [InlineData(0, 1024L, "api.rate_limit_per_minute: must be in 1..")]
    [InlineData(10, 10L, "api.max_body_bytes: must be in 1024..")]
    [InlineData(10, 1L << 40, "api.max_body_bytes: must be in 1024..")]
    public void bad_limits_are_named_by_their_setting(int perMinute, long maxBody, string problem)
    {
        var problems = ApiOptionsValidator.Instance.Validate(new ApiOptions { RateLimitPerMinute = perMinute, MaxBodyBytes = maxBody });

        Assert.StartsWith(problem, Assert.Single(problems));
    }
}
