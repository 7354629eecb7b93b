using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Mnas.Api.Security;
using Mnas.Campaigns;
using Mnas.Store.Sqlite;

namespace Mnas.Api.Tests;

/// <summary>
/// <c>mnas serve</c> as a real process: a campaign created over its API runs, and once cancelled over the API its
/// coordinator stops it, leaving it cancelled and sampling no further child.
/// </summary>
public sealed class CancelCommandTests : IDisposable
{
    private static readonly TimeSpan Start = TimeSpan.FromSeconds(60);

    private readonly string data = Directory.CreateTempSubdirectory("mnas-cancel-").FullName;

    public void Dispose() => Directory.Delete(data, recursive: true);

    [Fact(Timeout = 300_000)]
    public async Task a_campaign_cancelled_over_the_api_is_stopped_by_its_coordinator_and_stays_cancelled()
    {
        string key;
        await using (var store = SqliteCampaignStore.InDirectory(data))
        {
            key = (await ApiKeys.CreateAsync(store, "test", ApiRole.Researcher)).Plaintext;
        }

        await using var serve = MnasCommand.Start("serve", [
            $"data_directory={data}", "worker.slots=2", "api.listen=http://127.0.0.1:0", "worker.trainer=simulated",
            "worker.simulated_seconds=0.2"]);
        var api = await serve.ApiAddressAsync(Start);
        using var http = new HttpClient { BaseAddress = api };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);

        using (var created = await http.PostAsync("/api/v1/campaigns",
            new StringContent("spec:\n  name: long\nstrategy: random\nchildren: 5000\nminibatch: 2\nid: long\n", Encoding.UTF8, "application/yaml")))
        {
            Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        }

        await Until.TrueAsync(async () => await SampledAsync() >= 3, TimeSpan.FromSeconds(120), () => $"no child was sampled:\n{serve.Output}");
        using (var cancelled = await http.PostAsync("/api/v1/campaigns/long/cancel", null))
        {
            Assert.Equal(HttpStatusCode.OK, cancelled.StatusCode);
        }

        await Until.TrueAsync(() => Task.FromResult(Logged().Contains("campaign long: no longer marked running; stopping", StringComparison.Ordinal)),
            TimeSpan.FromSeconds(30), () => $"the campaign's grain did not stop it:\n{Logged()}");
        var sampled = await SampledAsync();
        await Task.Delay(TimeSpan.FromSeconds(3));

        Assert.Equal(sampled, await SampledAsync());
        await using (var store = SqliteCampaignStore.InDirectory(data))
        {
            Assert.Equal(CampaignStatus.Cancelled, (await store.GetCampaignAsync("long"))!.Status);
        }

        Assert.Equal(0, await serve.TerminateAsync(TimeSpan.FromSeconds(60)));
    }

    /// <summary>What the serve process has logged so far (its log files are written as it runs).</summary>
    private string Logged()
    {
        var logs = Path.Combine(data, "logs");
        return !Directory.Exists(logs) ? "" : string.Concat(Directory.GetFiles(logs, "mnas-2*.log").Select(file =>
        {
            using var reader = new StreamReader(new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete));
            return reader.ReadToEnd();
        }));
    }

    private async Task<long> SampledAsync()
    {
        await using var store = SqliteCampaignStore.InDirectory(data);
        return await store.GetMaxSequenceAsync("long");
    }
}
