using Microsoft.AspNetCore.Builder;
using Microsoft.Playwright;
using Mnas.Api;
using Mnas.Api.Security;
using Mnas.Campaigns;
using Mnas.Grains;
using Mnas.SearchSpace.Spec;
using Mnas.Store.Sqlite;

namespace Mnas.Dashboard.Tests;

/// <summary>
/// Campaigns written straight into a SQLite store in a directory of their own (<see cref="SeedAsync"/>, through the store's
/// own methods: no campaign runtime), behind the real API and its dashboard, with an operator's key and a headless Chromium
/// to look at them.
/// </summary>
public abstract class SeededSite(string directoryPrefix) : IAsyncLifetime
{
    private string directory = null!;
    private WebApplication api = null!;
    private IPlaywright playwright = null!;

    public IBrowser Browser { get; private set; } = null!;

    /// <summary>The dashboard's address, ending in <c>/</c>.</summary>
    public string Url { get; private set; } = null!;

    public string OperatorKey { get; private set; } = null!;

    protected SqliteCampaignStore Store { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        directory = Directory.CreateTempSubdirectory(directoryPrefix).FullName;
        Store = SqliteCampaignStore.InDirectory(directory);
        api = ApiServer.Create(new ApiOptions { Listen = "http://127.0.0.1:0" }, Store);
        await api.StartAsync();
        Url = api.Urls.First().TrimEnd('/') + "/";
        OperatorKey = (await ApiKeys.CreateAsync(Store, "browser-operator", ApiRole.Operator)).Plaintext;
        await SeedAsync();
        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = DashboardSite.Chromium, Headless = true });
    }

    /// <summary>Writes the site's campaigns into <see cref="Store"/>.</summary>
    protected abstract Task SeedAsync();

    /// <summary>A running campaign of this strategy and spec (named by the spec), budget 10 children, seed 3.</summary>
    protected Task CreateCampaignAsync(string id, string strategy, CampaignSpec spec) =>
        Store.CreateCampaignAsync(new Campaign(id, spec.Name, CampaignSpecWriter.ToJson(spec), new CampaignSettings(strategy, MaxChildren: 10).ToJson(), 3,
            CampaignStatus.Running, DateTimeOffset.UtcNow));

    public async Task DisposeAsync()
    {
        if (Browser != null)
        {
            await Browser.DisposeAsync();
        }
        playwright?.Dispose();
        await api.DisposeAsync();
        await Store.DisposeAsync();
        Directory.Delete(directory, recursive: true);
    }
}
