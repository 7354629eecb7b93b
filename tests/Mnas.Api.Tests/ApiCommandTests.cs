using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using Mnas.Api.Campaigns;
using Mnas.Api.Security;
using Mnas.Campaigns;
using Mnas.Grains;
using Mnas.Store.Sqlite;

namespace Mnas.Api.Tests;

/// <summary><c>mnas api</c> as a real process: it serves the store its settings name, and refuses a bad <c>api.listen</c> by name.</summary>
public sealed class ApiCommandTests : IDisposable
{
    private readonly string data = Directory.CreateTempSubdirectory("mnas-api-command-").FullName;

    public void Dispose() => Directory.Delete(data, recursive: true);

    [Fact(Timeout = 120_000)]
    public async Task api_serves_the_campaigns_of_the_store_its_settings_name_until_terminated()
    {
        string key;
        await using (var store = SqliteCampaignStore.InDirectory(data))
        {
            await store.CreateCampaignAsync(new Campaign("recorded", "recorded", "{}", new CampaignSettings().ToJson(), 1, CampaignStatus.Paused,
                DateTimeOffset.UtcNow));
            key = (await ApiKeys.CreateAsync(store, "test", Mnas.Campaigns.ApiRole.Operator)).Plaintext;
        }

        await using var api = MnasCommand.Start("api", [$"data_directory={data}", "api.listen=http://127.0.0.1:0"]);
        var address = await api.ApiAddressAsync(TimeSpan.FromSeconds(60));
        using var http = new HttpClient { BaseAddress = address };
        http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", key);

        var campaigns = await http.GetFromJsonAsync<List<CampaignResponse>>("/api/v1/campaigns", TestApi.Json);

        Assert.Equal(CampaignStatus.Paused, Assert.Single(campaigns!).Status);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/readyz")).StatusCode);
        Assert.Equal(0, await api.TerminateAsync(TimeSpan.FromSeconds(30)));
        Assert.Contains("api: stopping", api.Output);
    }

    [Fact(Timeout = 120_000)]
    public async Task a_bad_api_listen_is_named_and_nothing_starts()
    {
        var (exitCode, output) = await MnasCommand.RunAsync("api", [$"data_directory={data}", "api.listen=localhost:8080"]);

        Assert.Equal(2, exitCode);
        Assert.Contains("api.listen: must be an http URL with a host and a port, like http://127.0.0.1:8080 (got 'localhost:8080')", output);
        Assert.DoesNotContain("listening", output);
    }

    [Fact(Timeout = 120_000)]
    public async Task an_address_already_taken_is_named_by_the_setting()
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var listen = $"http://127.0.0.1:{((IPEndPoint)taken.LocalEndpoint).Port}";

        var (exitCode, output) = await MnasCommand.RunAsync("api", [$"data_directory={data}", $"api.listen={listen}"]);

        Assert.Equal(2, exitCode);
        Assert.Contains($"api.listen: cannot listen on {listen}", output);
    }

    [Fact(Timeout = 120_000)]
    public async Task bad_limits_are_named_by_their_settings_and_nothing_starts()
    {
        var (exitCode, output) = await MnasCommand.RunAsync("api",
            [$"data_directory={data}", "api.listen=http://127.0.0.1:0", "api.rate_limit_per_minute=0", "api.max_body_bytes=10"]);

        Assert.Equal(2, exitCode);
        Assert.Contains("api.rate_limit_per_minute: must be in 1..", output);
        Assert.Contains("api.max_body_bytes: must be in 1024..", output);
    }
}
