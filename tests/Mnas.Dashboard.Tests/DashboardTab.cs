using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Mnas.Dashboard.Tests;

/// <summary>
/// A tab of its own on a site's dashboard, signed in with the site's operator key: the browser's console messages and
/// failed responses go to the test's output, and every wait gives up after 30 s.
/// </summary>
public sealed class DashboardTab : IAsyncDisposable
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(30);

    private readonly IBrowserContext context;
    private readonly SeededSite site;
    private readonly ITestOutputHelper output;

    private DashboardTab(IBrowserContext context, IPage page, SeededSite site, ITestOutputHelper output) =>
        (this.context, Page, this.site, this.output) = (context, page, site, output);

    public IPage Page { get; }

    /// <summary>A new tab, <paramref name="height"/> pixels high and 1440 wide.</summary>
    public static async Task<DashboardTab> OpenAsync(SeededSite site, ITestOutputHelper output, int height)
    {
        var context = await site.Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1440, Height = height } });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout((float)Limit.TotalMilliseconds);
        page.Console += (_, message) => output.WriteLine($"browser {message.Type}: {message.Text}");
        page.Response += (_, response) =>
        {
            if (response.Status >= 400)
            {
                output.WriteLine($"browser got {response.Status} for {response.Url}");
            }
        };
        return new DashboardTab(context, page, site, output);
    }

    /// <summary>Loads the dashboard with <paramref name="campaign"/> chosen and waits for its title.</summary>
    public async Task ShowCampaignAsync(string campaign)
    {
        await Page.GotoAsync($"{site.Url}#key={Uri.EscapeDataString(site.OperatorKey)}&campaign={campaign}");
        await Assertions.Expect(Page.Locator("#campaign-title")).ToContainTextAsync(campaign);
    }

    /// <summary>The whole page as <c>artifacts/{name}</c> under the test's output directory.</summary>
    public async Task ScreenshotAsync(string name)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "artifacts", name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        output.WriteLine($"screenshot: {path}");
    }

    public async ValueTask DisposeAsync() => await context.DisposeAsync();
}
