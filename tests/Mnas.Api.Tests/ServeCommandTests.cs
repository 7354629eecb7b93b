using System.Net;
using System.Net.Http.Json;
using Mnas.Api.Campaigns;
using Mnas.Api.Health;
using Mnas.Api.Security;
using Mnas.Api.Workers;
using Mnas.Campaigns;
using Mnas.Grains;
using Mnas.Store;
using Mnas.Store.Postgres;
using Mnas.Store.Sqlite;
using Mnas.Store.Tests.Postgres;

namespace Mnas.Api.Tests;

/// <summary>
/// <c>mnas serve</c> as a real process with the simulated trainer: it runs campaigns submitted with <c>mnas submit</c>
/// on its own workers and answers on its API; on a shared PostgreSQL store it joins that store's cluster and carries on the
/// campaigns of a controller that died.
/// </summary>
[Collection(SiloProcessCollection.Name)]
public sealed class ServeCommandTests : IDisposable
{
    private static readonly TimeSpan Start = TimeSpan.FromSeconds(60);
    private static readonly string[] Quick =
    [
        "api.listen=http://127.0.0.1:0", "worker.trainer=simulated", "worker.simulated_seconds=0.1",
        "cluster.advertised_address=127.0.0.1",
    ];

    private readonly string data = Directory.CreateTempSubdirectory("mnas-serve-").FullName;
    private readonly HttpClient http = new();

    public void Dispose()
    {
        http.Dispose();
        Directory.Delete(data, recursive: true);
    }

    [Fact(Timeout = 300_000)]
    public async Task serve_runs_a_campaign_submitted_while_it_runs_on_its_own_workers_and_answers_on_its_api()
    {
        string[] settings = [$"data_directory={data}", "worker.slots=2", .. Quick];
        await using (var store = SqliteCampaignStore.InDirectory(data))
        {
            await AuthorizeAsync(store);
        }

        await using var serve = MnasCommand.Start("serve", settings);
        var api = await serve.ApiAddressAsync(Start);
        await serve.WaitForAsync("serve: 2 worker slot(s), store sqlite, membership localhost", Start);

        await SubmitAsync(settings, "tiny", children: 6);
        await Until.TrueAsync(async () => (await CampaignAsync(api, "tiny"))?.Status == CampaignStatus.Completed, TimeSpan.FromSeconds(180),
            () => $"the campaign did not complete:\n{serve.Output}");

        var campaign = (await CampaignAsync(api, "tiny"))!;
        Assert.Equal(6, campaign.Children.Done);
        Assert.Equal(6, campaign.Children.Total);
        Assert.NotNull(campaign.BestReward);
        Assert.Equal(1.0, campaign.Budget.ChildrenUsed);
        var ready = await http.GetFromJsonAsync<ReadyResponse>(new Uri(api, "/readyz"), TestApi.Json);
        Assert.Equal(["store", "cluster"], ready!.Checked);
        using var workers = await http.GetAsync(new Uri(api, "/api/v1/workers"));
        Assert.Equal(HttpStatusCode.OK, workers.StatusCode);
        // The directory records the workers' announcements: serve's own worker, alive, with its device and two slots.
        var worker = Assert.Single((await workers.Content.ReadFromJsonAsync<List<WorkerResponse>>(TestApi.Json))!);
        Assert.True(worker.Alive);
        Assert.Equal(("cpu", 2), (worker.DeviceClass, worker.Slots));
        Assert.False(string.IsNullOrWhiteSpace(worker.Device));

        // A campaign whose latency must be measured on a class no worker has waits, and says so.
        await SubmitAsync(settings, "phone", children: 2, latencyClass: "pixel-1");
        await Until.TrueAsync(async () => (await CampaignAsync(api, "phone"))?.Waiting?.Contains("pixel-1", StringComparison.Ordinal) == true,
            TimeSpan.FromSeconds(60), () => $"the campaign did not say it waits for pixel-1:\n{serve.Output}");
        Assert.Equal(CampaignStatus.Running, (await CampaignAsync(api, "phone"))!.Status);
        Assert.Null((await CampaignAsync(api, "tiny"))!.Waiting);
        Assert.Equal(0, await serve.TerminateAsync(TimeSpan.FromSeconds(60)));
        Assert.Contains("serve: stopping", serve.Output);
    }

    [Fact(Timeout = 300_000)]
    public async Task on_a_shared_postgres_store_serve_joins_the_cluster_and_runs_its_campaigns_once_the_controller_died()
    {
        await using var database = await PostgresTestServer.CreateMigratedDatabaseAsync();
        await using (var store = await PostgresCampaignStore.OpenAsync(new PostgresStoreOptions { ConnectionString = database.ConnectionString }))
        {
            await AuthorizeAsync(store);
        }

        string[] shared =
        [
            "store=postgres", $"store.postgres.connection_string={database.ConnectionString}", "cluster.silo_port=0", "cluster.gateway_port=0",
            .. Quick,
        ];
        await using var controller = MnasCommand.Start("controller", [$"data_directory={Path.Combine(data, "controller")}", .. shared]);
        await controller.WaitForAsync("controller: silo port", Start);
        await using var serve = MnasCommand.Start("serve", [$"data_directory={Path.Combine(data, "serve")}", "worker.slots=2", .. shared]);
        var api = await serve.ApiAddressAsync(Start);
        await serve.WaitForAsync("serve: 2 worker slot(s), store postgres, membership postgres", Start);

        var ready = await http.GetFromJsonAsync<ReadyResponse>(new Uri(api, "/readyz"), TestApi.Json);
        Assert.Equal(["store", "cluster"], ready!.Checked);
        await controller.KillAsync();
        await SubmitAsync([$"data_directory={data}", .. shared], "shared", children: 4);
        await Until.TrueAsync(async () => (await CampaignAsync(api, "shared"))?.Status == CampaignStatus.Completed, TimeSpan.FromSeconds(180),
            () => $"the campaign did not complete:\n{serve.Output}");

        Assert.Equal(4, (await CampaignAsync(api, "shared"))!.Children.Done);
        Assert.Equal(0, await serve.TerminateAsync(TimeSpan.FromSeconds(60)));
    }

    /// <summary>Makes <see cref="http"/> present a new operator key of <paramref name="store"/>.</summary>
    private async Task AuthorizeAsync(ICampaignStore store)
    {
        var (_, key) = await ApiKeys.CreateAsync(store, "test", ApiRole.Operator);
        http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", key);
    }

    private async Task SubmitAsync(string[] settings, string id, int children, string? latencyClass = null)
    {
        var spec = Path.Combine(data, $"{id}.yaml");
        await File.WriteAllTextAsync(spec, $"name: {id}\n" + (latencyClass == null ? "" : $"target:\n  device_class: {latencyClass}\n"));
        var (exitCode, output) = await MnasCommand.RunAsync("submit", settings,
            "--spec", spec, "--children", $"{children}", "--minibatch", "2", "--workers", "2", "--id", id, "--data", data);
        Assert.True(exitCode == 0, output);
    }

    private async Task<CampaignResponse?> CampaignAsync(Uri api, string id)
    {
        using var response = await http.GetAsync(new Uri(api, $"/api/v1/campaigns/{id}"));
        return response.StatusCode == HttpStatusCode.NotFound ? null : await response.Content.ReadFromJsonAsync<CampaignResponse>(TestApi.Json);
    }
}
