using System.Text.Json;
using Mnas.Campaigns;

namespace Mnas.Api.Tests;

/// <summary>The API writes JSON as every Mnas file is written: snake_case keys and plain UTF-8.</summary>
public sealed class ApiJsonTests : IAsyncLifetime
{
    private const string Architecture = "b1.layers=+1 réseau <b> & 'c'";

    private TestApi api = null!;

    public async Task InitializeAsync()
    {
        api = await TestApi.StartAsync();
        await new CampaignSeed(api.Store).CreateAsync("c1");
        await api.Store.AddChildAsync(new Child("c1", 1, Architecture, [1, 2, 3], -1.5, 0, ChildStatus.Sampled, 1, null, null, null, TestApi.Start));
    }

    public async Task DisposeAsync() => await api.DisposeAsync();

    [Fact]
    public async Task a_body_holds_text_as_it_is_with_snake_case_keys()
    {
        using var response = await api.Client.GetAsync("/api/v1/campaigns/c1/children/1");
        var body = await response.Content.ReadAsStringAsync();

        Assert.True(response.IsSuccessStatusCode, body);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains($"\"architecture\":\"{Architecture}\"", body);
        Assert.DoesNotContain("\\u", body);
        var keys = JsonDocument.Parse(body).RootElement.EnumerateObject().Select(p => p.Name).ToArray();
        Assert.Contains("policy_version", keys);
        Assert.Contains("log_probability", keys);
        Assert.All(keys, key => Assert.Matches("^[a-z][a-z0-9]*(_[a-z0-9]+)*$", key));
    }
}
