using Microsoft.AspNetCore.Builder;
using Microsoft.Playwright;
using Mnas.Api;
using Mnas.Api.Security;
using Mnas.Campaigns;
using Mnas.Grains;
using Mnas.Grains.Hosting;
using Mnas.SearchSpace.Spec;
using Mnas.Store.Sqlite;

namespace Mnas.Dashboard.Tests;

/// <summary>
/// A running campaign behind the real API and its dashboard, and a headless Chromium to look at it: the campaign runtime
/// (in-memory bus, one worker slot, the <see cref="GatedTrainer"/>) over a SQLite store in a directory of its own, the
/// API over the same store on a free loopback port, an operator's and a researcher's key, and Debian's chromium driven
/// by Playwright.
/// </summary>
public sealed class DashboardSite : IAsyncLifetime
{
    /// <summary>Debian's chromium (the bootstrap installs it); Playwright's own browsers are never downloaded.</summary>
    public const string Chromium = "/usr/bin/chromium";

    public const string CampaignId = "browser";

    /// <summary>Children that finish before any test looks; the rest wait for <see cref="GatedTrainer.ReleaseOne"/>.</summary>
    public const int FinishedAtStart = 4;

    public const double TargetLatencyMs = 15;

    private readonly CancellationTokenSource stop = new();
    private string directory = null!;
    private CampaignHost host = null!;
    private SqliteCampaignStore apiStore = null!;
    private WebApplication api = null!;
    private Task run = Task.CompletedTask;
    private IPlaywright playwright = null!;

    internal GatedTrainer Trainer { get; } = new(FinishedAtStart);

    public IBrowser Browser { get; private set; } = null!;

    /// <summary>The dashboard's address, ending in <c>/</c>.</summary>
    public string Url { get; private set; } = null!;

    public string OperatorKey { get; private set; } = null!;

    public string ResearcherKey { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        directory = Directory.CreateTempSubdirectory("mnas-dashboard-").FullName;
        var runtime = new RuntimeOptions
        {
            DataDirectory = directory, Workers = 1, ThreadsPerWorker = 1, AnnounceInterval = TimeSpan.FromSeconds(1),
        };
        host = await CampaignHost.StartAsync(runtime, runner: _ => Trainer);
        apiStore = SqliteCampaignStore.InDirectory(directory);
        api = ApiServer.Create(new ApiOptions { Listen = "http://127.0.0.1:0", HeartbeatInterval = runtime.AnnounceInterval }, apiStore, cluster: host.Grains);
        await api.StartAsync();
        Url = api.Urls.First().TrimEnd('/') + "/";
        OperatorKey = (await ApiKeys.CreateAsync(apiStore, "browser-operator", ApiRole.Operator)).Plaintext;
        ResearcherKey = (await ApiKeys.CreateAsync(apiStore, "browser-researcher", ApiRole.Researcher)).Plaintext;

        var spec = new CampaignSpec { Name = CampaignId, Reward = new RewardSpec { LatencyTargetMs = TargetLatencyMs } };
        var settings = new CampaignSettings("rl", MaxChildren: 40, Minibatch: 2, Workers: 1);
        var campaign = new Campaign(CampaignId, spec.Name, CampaignSpecWriter.ToJson(spec), settings.ToJson(), 3, CampaignStatus.Running,
            DateTimeOffset.UtcNow);
        await host.Store.CreateCampaignAsync(campaign);
        run = host.Runner.RunAsync(campaign.Id, StrategyFactory.Create(settings, campaign.Seed), settings.Budget, cancellation: stop.Token);
        await DoneAsync(FinishedAtStart);

        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = Chromium, Headless = true });
    }

    /// <summary>The sequences of the campaign's done children, once there are at least <paramref name="count"/>.</summary>
    public async Task<IReadOnlyList<long>> DoneAsync(int count)
    {
        IReadOnlyList<long> done = [];
        await Until.TrueAsync(async () =>
        {
            Assert.False(run.IsFaulted, $"the campaign stopped: {run.Exception}");
            done = (await apiStore.ListChildrenAsync(CampaignId, ChildStatus.Done)).Select(c => c.Sequence).ToList();
            return done.Count >= count;
        }, TimeSpan.FromSeconds(60), () => $"{done.Count} of {count} children done");
        return done;
    }

    public async Task DisposeAsync()
    {
        if (Browser != null)
        {
            await Browser.DisposeAsync();
        }
        playwright?.Dispose();
        await stop.CancelAsync();
        try
        {
            await run;
        }
        catch (OperationCanceledException)
        {
        }
        await host.DisposeAsync();
        await api.DisposeAsync();
        await apiStore.DisposeAsync();
        Directory.Delete(directory, recursive: true);
        stop.Dispose();
    }
}
