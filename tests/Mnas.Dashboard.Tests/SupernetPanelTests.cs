using System.Globalization;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Mnas.Dashboard.Tests;

/// <summary>The supernet panel of a differentiable campaign in a real (headless) Chromium, over the real API and store.</summary>
public sealed class SupernetPanelTests(SupernetSite site, ITestOutputHelper output) : IClassFixture<SupernetSite>, IAsyncLifetime
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(30);

    private IBrowserContext context = null!;
    private IPage page = null!;

    public async Task InitializeAsync()
    {
        context = await site.Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1440, Height = 1400 } });
        page = await context.NewPageAsync();
        page.SetDefaultTimeout((float)Limit.TotalMilliseconds);
        page.Console += (_, message) => output.WriteLine($"browser {message.Type}: {message.Text}");
        page.Response += (_, response) =>
        {
            if (response.Status >= 400)
            {
                output.WriteLine($"browser got {response.Status} for {response.Url}");
            }
        };
    }

    public async Task DisposeAsync() => await context.DisposeAsync();

    [Fact]
    public async Task an_fbnet_campaign_shows_its_epochs_and_a_heat_map_of_theta_and_a_new_epoch_arrives_without_reload()
    {
        await OpenAsync(SupernetSite.Training);

        await Assertions.Expect(page.Locator("#supernet")).ToHaveAttributeAsync("data-epochs", SupernetSite.EpochsAtStart.ToString(CultureInfo.InvariantCulture));
        await Assertions.Expect(page.Locator("#supernet-progress"))
            .ToContainTextAsync($"epoch {SupernetSite.EpochsAtStart} of {SupernetSite.EpochsPlanned} done · attempt {site.Attempt}");
        foreach (var chart in new[] { "supernet-loss-chart", "supernet-temperature-chart", "supernet-latency-chart" })
        {
            Assert.Equal(SupernetSite.EpochsAtStart, await page.EvaluateAsync<int>($"() => Chart.getChart('{chart}').data.datasets[0].data.length"));
        }

        // One row per searchable layer, one column per candidate, the latest epoch's probability in each cell's title.
        var rows = page.Locator("#theta-heatmap tbody tr");
        await Assertions.Expect(rows).ToHaveCountAsync(SupernetSite.Layers);
        var header = await page.Locator("#theta-heatmap thead th[scope='col']").AllTextContentsAsync();
        Assert.Equal(SupernetSite.Candidates, header);
        for (var layer = 0; layer < SupernetSite.Layers; layer++)
        {
            await Assertions.Expect(rows.Nth(layer).Locator("td")).ToHaveCountAsync(SupernetSite.Candidates.Count);
        }
        var theta = SupernetSite.Theta(SupernetSite.EpochsAtStart);
        var cell = rows.Nth(2).Locator("td").Nth(2);
        Assert.Equal($"layer 3 · {SupernetSite.Candidates[2]}: P = {theta[2][2].ToString("F4", CultureInfo.InvariantCulture)}",
            await cell.GetAttributeAsync("title"));
        Assert.Contains("best", await cell.GetAttributeAsync("class") ?? "", StringComparison.Ordinal);
        Assert.Equal(theta[0][1].ToString("F4", CultureInfo.InvariantCulture),
            (await rows.Nth(0).Locator("td").Nth(1).GetAttributeAsync("title"))!.Split("P = ")[1]);
        await Assertions.Expect(page.Locator("#width-box")).ToBeHiddenAsync();

        await Screenshot("supernet.png");

        // The next epoch is recorded and announced: the panel follows it, and the page was never loaded again.
        await page.EvaluateAsync("() => { window.loadedOnce = true; }");
        await site.RecordEpochAsync(SupernetSite.EpochsAtStart + 1);
        await Assertions.Expect(page.Locator("#supernet")).ToHaveAttributeAsync("data-epochs", (SupernetSite.EpochsAtStart + 1).ToString(CultureInfo.InvariantCulture));
        var next = SupernetSite.Theta(SupernetSite.EpochsAtStart + 1);
        await Assertions.Expect(rows.Nth(2).Locator("td").Nth(2))
            .ToHaveAttributeAsync("title", $"layer 3 · {SupernetSite.Candidates[2]}: P = {next[2][2].ToString("F4", CultureInfo.InvariantCulture)}");
        await Assertions.Expect(page.Locator("#activity")).ToContainTextAsync($"supernet epoch {SupernetSite.EpochsAtStart + 1}");
        Assert.Equal(SupernetSite.EpochsAtStart + 1, await page.EvaluateAsync<int>("() => Chart.getChart('supernet-latency-chart').data.datasets[0].data.length"));
        Assert.True(await page.EvaluateAsync<bool>("() => window.loadedOnce === true"), "the page was loaded again");
    }

    [Fact]
    public async Task an_fbnet_campaign_without_epochs_says_so_and_shows_no_heat_map()
    {
        await OpenAsync(SupernetSite.NotStarted);

        await Assertions.Expect(page.Locator("#supernet-progress")).ToContainTextAsync($"epoch 0 of {SupernetSite.EpochsPlanned} done · not started");
        await Assertions.Expect(page.Locator("#supernet-empty")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#theta-figure")).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator("#supernet")).ToHaveAttributeAsync("data-epochs", "0");
    }

    [Fact]
    public async Task a_trained_fbnetv2_campaign_shows_its_posterior_with_widths_and_resolutions()
    {
        await OpenAsync(SupernetSite.Trained);

        await Assertions.Expect(page.Locator("#supernet")).ToHaveAttributeAsync("data-trained", "true");
        await Assertions.Expect(page.Locator("#supernet-progress")).ToContainTextAsync("trained");
        await Assertions.Expect(page.Locator("#theta-caption")).ToContainTextAsync("trained supernet");
        await Assertions.Expect(page.Locator("#theta-heatmap tbody tr")).ToHaveCountAsync(SupernetSite.Layers);
        await Assertions.Expect(page.Locator("#theta-heatmap thead th[scope='col']")).ToHaveTextAsync(["k3_e3", "k5_e6", "skip"]);
        await Assertions.Expect(page.Locator("#width-heatmap tbody tr")).ToHaveCountAsync(SupernetSite.Layers);
        await Assertions.Expect(page.Locator("#width-heatmap thead th[scope='col']")).ToHaveTextAsync(["×0.5", "×0.75", "×1"]);
        await Assertions.Expect(page.Locator("#resolution-heatmap td")).ToHaveCountAsync(2);
        Assert.Equal("input · full: P = 0.7000", await page.Locator("#resolution-heatmap td").First.GetAttributeAsync("title"));

        await Screenshot("supernet-fbnetv2.png");
    }

    [Fact]
    public async Task an_rl_campaign_has_no_supernet_panel()
    {
        await OpenAsync(SupernetSite.Reinforced);

        await Assertions.Expect(page.Locator("#campaign-title")).ToContainTextAsync(SupernetSite.Reinforced);
        await Assertions.Expect(page.Locator("#supernet")).ToBeHiddenAsync();
    }

    private async Task OpenAsync(string campaign)
    {
        await page.GotoAsync($"{site.Url}#key={Uri.EscapeDataString(site.OperatorKey)}&campaign={campaign}");
        await Assertions.Expect(page.Locator("#campaign-title")).ToContainTextAsync(campaign);
    }

    private async Task Screenshot(string name)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "artifacts", name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        output.WriteLine($"screenshot: {path}");
    }
}
