using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Mnas.Dashboard.Tests;

/// <summary>The dashboard in a real (headless) Chromium, over the real API of a running campaign.</summary>
public sealed class DashboardTests(DashboardSite site, ITestOutputHelper output) : IClassFixture<DashboardSite>, IAsyncLifetime
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(30);

    private IBrowserContext context = null!;
    private IPage page = null!;
    private readonly List<string> requests = [];

    public async Task InitializeAsync()
    {
        context = await site.Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1440, Height = 1200 } });
        page = await context.NewPageAsync();
        page.SetDefaultTimeout((float)Limit.TotalMilliseconds);
        page.Request += (_, request) =>
        {
            lock (requests)
            {
                requests.Add(request.Url);
            }
        };
        page.Console += (_, message) => output.WriteLine($"browser {message.Type}: {message.Text}");
    }

    public async Task DisposeAsync() => await context.DisposeAsync();

    [Fact]
    public async Task the_dashboard_of_a_running_campaign_shows_the_front_and_a_newly_finished_child_without_reload()
    {
        var finished = await site.DoneAsync(DashboardSite.FinishedAtStart);
        await page.GotoAsync($"{site.Url}#key={Uri.EscapeDataString(site.OperatorKey)}");

        // Every done child is a point; the front is the API's.
        await WaitForPointsAsync(finished);
        var pareto = await ParetoAsync();
        var front = pareto.GetProperty("points").EnumerateArray().Where(p => p.GetProperty("on_front").GetBoolean())
            .Select(p => p.GetProperty("sequence").GetInt64()).Order().ToList();
        Assert.NotEmpty(front);
        Assert.Equal(front, Sequences(await page.GetAttributeAsync("#pareto-figure", "data-front")).Order());
        var drawnFront = await page.EvaluateAsync<long[]>("() => Chart.getChart('pareto-chart').data.datasets[0].data.map(p => p.sequence)");
        Assert.Equal(front, drawnFront.Order());
        var drawnOthers = await page.EvaluateAsync<long[]>("() => Chart.getChart('pareto-chart').data.datasets[1].data.map(p => p.sequence)");
        Assert.Equal(pareto.GetProperty("points").GetArrayLength(), drawnFront.Length + drawnOthers.Length);
        Assert.Equal(DashboardSite.TargetLatencyMs, await page.EvaluateAsync<double>("() => Chart.getChart('pareto-chart').options.plugins.targetLine.value"));
        // The key left the address bar as soon as the page read it.
        Assert.DoesNotContain("key=", page.Url, StringComparison.Ordinal);
        await Assertions.Expect(page.Locator("#live")).ToHaveTextAsync("live");

        // One more child finishes: it appears in the scatter and the table, and the page was never loaded again.
        await page.EvaluateAsync("() => { window.loadedOnce = true; }");
        site.Trainer.ReleaseOne();
        var now = await site.DoneAsync(finished.Count + 1);
        var added = now.Except(finished).Single();
        await page.WaitForFunctionAsync("s => document.getElementById('pareto-figure').dataset.points.split(',').includes(String(s))", added);
        await Assertions.Expect(page.Locator($"#children tr[data-sequence='{added}']")).ToBeVisibleAsync();
        Assert.True(await page.EvaluateAsync<bool>("() => window.loadedOnce === true"), "the page was loaded again");

        var screenshot = Path.Combine(AppContext.BaseDirectory, "artifacts", "dashboard.png");
        Directory.CreateDirectory(Path.GetDirectoryName(screenshot)!);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = screenshot, FullPage = true });
        output.WriteLine($"screenshot: {screenshot}");
        Console.WriteLine($"dashboard screenshot: {screenshot}");
        Assert.True(new FileInfo(screenshot).Length > 10_000);

        // Nothing the page asked for left the host.
        lock (requests)
        {
            Assert.All(requests, url => Assert.StartsWith(site.Url, url, StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task hovering_a_point_shows_its_architecture_and_clicking_it_opens_the_child()
    {
        var finished = await site.DoneAsync(DashboardSite.FinishedAtStart);
        await page.GotoAsync($"{site.Url}#key={Uri.EscapeDataString(site.OperatorKey)}");
        await WaitForPointsAsync(finished);

        var point = await page.EvaluateAsync<JsonElement>(
            "() => { const p = Chart.getChart('pareto-chart').getDatasetMeta(0).data[0]; return { x: p.x, y: p.y }; }");
        var sequence = await page.EvaluateAsync<long>("() => Chart.getChart('pareto-chart').data.datasets[0].data[0].sequence");
        var position = new Position { X = (float)point.GetProperty("x").GetDouble(), Y = (float)point.GetProperty("y").GetDouble() };
        var canvas = page.Locator("#pareto-chart");

        await canvas.HoverAsync(new LocatorHoverOptions { Position = position });
        await page.WaitForFunctionAsync("() => Chart.getChart('pareto-chart').tooltip.getActiveElements().length > 0");
        var tooltip = await page.EvaluateAsync<string>(
            "() => { const t = Chart.getChart('pareto-chart').tooltip; return [t.title.join(' '), ...t.body.flatMap(b => b.lines)].join('\\n'); }");
        Assert.Contains($"child #{sequence}", tooltip, StringComparison.Ordinal);
        Assert.Contains("accuracy", tooltip, StringComparison.Ordinal);
        Assert.Contains("latency", tooltip, StringComparison.Ordinal);
        var architecture = (await ParetoAsync()).GetProperty("points").EnumerateArray()
            .Single(p => p.GetProperty("sequence").GetInt64() == sequence).GetProperty("architecture").GetString()!;
        Assert.Contains(architecture.Split(' ')[0], tooltip, StringComparison.Ordinal);

        await canvas.ClickAsync(new LocatorClickOptions { Position = position });
        await Assertions.Expect(page.Locator("#child-dialog")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#child-title")).ToContainTextAsync($"Child #{sequence}");
    }

    [Fact]
    public async Task a_researcher_is_told_that_workers_are_shown_to_operators_only()
    {
        await page.GotoAsync($"{site.Url}#key={Uri.EscapeDataString(site.ResearcherKey)}");

        await Assertions.Expect(page.Locator("#workers-forbidden")).ToContainTextAsync("operators only");
        await Assertions.Expect(page.Locator("#main")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task a_refused_key_brings_back_the_key_form()
    {
        await page.GotoAsync($"{site.Url}#key=mnas_000000000000_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");

        await Assertions.Expect(page.Locator("#key-error")).ToContainTextAsync("refused");
        await Assertions.Expect(page.Locator("#key-panel")).ToBeVisibleAsync();
        Assert.Null(await page.EvaluateAsync<string?>("() => sessionStorage.getItem('mnas.api_key')"));
    }

    private async Task WaitForPointsAsync(IReadOnlyList<long> sequences)
    {
        var expected = string.Join(',', sequences.Order());
        try
        {
            await page.WaitForFunctionAsync(
                "want => want.split(',').every(s => (document.getElementById('pareto-figure').dataset.points || '').split(',').includes(s))", expected);
        }
        catch (TimeoutException)
        {
            Assert.Fail($"the scatter shows [{await page.GetAttributeAsync("#pareto-figure", "data-points")}], not every one of [{expected}]");
        }
    }

    private async Task<JsonElement> ParetoAsync()
    {
        using var client = new HttpClient { BaseAddress = new Uri(site.Url) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", site.OperatorKey);
        return await client.GetFromJsonAsync<JsonElement>($"api/v1/campaigns/{DashboardSite.CampaignId}/pareto?objectives=accuracy,latency_ms");
    }

    private static IEnumerable<long> Sequences(string? list) =>
        (list ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries).Select(long.Parse);
}
