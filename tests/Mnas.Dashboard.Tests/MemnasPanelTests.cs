using System.Globalization;
using Microsoft.Playwright;
using Mnas.Costs.Graph;
using Mnas.Costs.Memory;
using Xunit.Abstractions;
using static System.FormattableString;

namespace Mnas.Dashboard.Tests;

/// <summary>The MemNAS panel of a memnas campaign in a real (headless) Chromium, over the real API and store.</summary>
public sealed class MemnasPanelTests(MemnasSite site, ITestOutputHelper output) : IClassFixture<MemnasSite>, IAsyncLifetime
{
    private DashboardTab tab = null!;
    private IPage page = null!;

    public async Task InitializeAsync()
    {
        tab = await DashboardTab.OpenAsync(site, output, 1800);
        page = tab.Page;
    }

    public async Task DisposeAsync() => await tab.DisposeAsync();

    [Fact]
    public async Task a_memnas_campaign_shows_each_rounds_base_its_candidates_predicted_and_measured_ranks_and_the_next_base()
    {
        await tab.ShowCampaignAsync(MemnasSite.Campaign);

        var rounds = MemnasSite.Rounds;
        var panel = page.Locator("#memnas");
        await Assertions.Expect(panel).ToHaveAttributeAsync("data-rounds", Invariant($"{rounds.Count}"));
        await Assertions.Expect(panel).ToHaveAttributeAsync("data-stage", "grow-trim");
        await Assertions.Expect(panel).ToHaveAttributeAsync("data-base", Invariant($"{rounds[^1].NextBase!.Sequence}"));
        await Assertions.Expect(page.Locator("#search")).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator("#supernet")).ToBeHiddenAsync();

        // A row per round: its base, how its candidates were ranked, τ and the next base.
        var rows = page.Locator("#memnas-rounds tbody tr");
        await Assertions.Expect(rows).ToHaveCountAsync(rounds.Count);
        for (var i = 0; i < rounds.Count; i++)
        {
            var cells = rows.Nth(i).Locator("td");
            await Assertions.Expect(cells.Nth(1)).ToHaveTextAsync(rounds[i].Stage);
            await Assertions.Expect(cells.Nth(2)).ToHaveTextAsync(Invariant($"#{rounds[i].Base!.Sequence}"));
            await Assertions.Expect(cells.Nth(3)).ToHaveTextAsync(Percent(rounds[i].Base!.Accuracy));
            await Assertions.Expect(cells.Nth(7)).ToHaveTextAsync(rounds[i].RankedBy ?? "–");
            await Assertions.Expect(cells.Nth(8)).ToHaveTextAsync(rounds[i].KendallTau is { } tau ? tau.ToString("F3", CultureInfo.InvariantCulture) : "–");
            await Assertions.Expect(cells.Nth(10)).ToHaveTextAsync(rounds[i].NextBase is { } next ? Invariant($"#{next.Sequence}") : "–");
        }

        // The latest round in full: its candidates in the controller's order, each with its measured rank; the trained highlighted.
        await ExpectRoundAsync(rounds.Count, "ranked by the controller");

        // An earlier round, picked from the table.
        await rows.Nth(1).ClickAsync();
        await ExpectRoundAsync(2, "ranked by the memory prior");
        await Assertions.Expect(page.Locator("#memnas-rounds tbody tr.selected")).ToHaveAttributeAsync("data-round", "2");
    }

    [Fact]
    public async Task the_panel_shows_the_bases_memory_the_lifetime_chart_of_the_current_base_and_the_accuracy_memory_front()
    {
        await tab.ShowCampaignAsync(MemnasSite.Campaign);

        // The bases in the order they became base, parameters and peak activations stacked; the current one last.
        var bases = new long[] { 1, 2, 5 };
        await Assertions.Expect(page.Locator("#memory-figure")).ToHaveAttributeAsync("data-bases", string.Join(',', bases));
        var memories = bases.Select(s => MemnasSite.Memory(MemnasSite.Children.Single(c => c.Sequence == s).Sample)).ToList();
        Assert.Equal(memories.Select(m => (double)m.ParamBytes), await page.EvaluateAsync<double[]>("() => Chart.getChart('memory-chart').data.datasets[0].data"));
        Assert.Equal(memories.Select(m => (double)m.PeakActivationBytes),
            await page.EvaluateAsync<double[]>("() => Chart.getChart('memory-chart').data.datasets[1].data"));
        var current = memories[^1];
        await Assertions.Expect(page.Locator("#memory-breakdown")).ToContainTextAsync(
            $"Current base #5: parameters {Bytes(current.ParamBytes)} (");
        await Assertions.Expect(page.Locator("#memory-breakdown")).ToContainTextAsync($"peak activations {Bytes(current.PeakActivationBytes)} (");
        await Assertions.Expect(page.Locator("#memory-breakdown")).ToContainTextAsync($"total {Bytes(current.TotalBytes)}");

        // The lifetime chart of the current base: live bytes at every execution step of its target view, the peak marked.
        var graph = LayerGraph.FromArchitecture(MemnasSite.Space.Freeze(MemnasSite.TrimmedB4));
        var live = LifetimeAnalysis.LiveBytesPerStep(LifetimeAnalysis.ToTensorNodes(graph));
        var peak = LifetimeAnalysis.Peak(graph);
        var figure = page.Locator("#lifetime-figure");
        await Assertions.Expect(figure).ToHaveAttributeAsync("data-sequence", "5");
        await Assertions.Expect(figure).ToHaveAttributeAsync("data-steps", Invariant($"{graph.Nodes.Count}"));
        await Assertions.Expect(figure).ToHaveAttributeAsync("data-peak", Invariant($"{peak.Bytes}"));
        Assert.Equal(live.Select(b => (double)b), await page.EvaluateAsync<double[]>("() => Chart.getChart('lifetime-chart').data.datasets[0].data.map(p => p.y)"));
        Assert.Equal(new double[] { peak.Step, peak.Bytes },
            await page.EvaluateAsync<double[]>("() => Chart.getChart('lifetime-chart').data.datasets[1].data.flatMap(p => [p.x, p.y])"));
        await Assertions.Expect(page.Locator("#lifetime-caption")).ToContainTextAsync(Invariant($"marked at step {peak.Step} ({graph.Nodes[peak.Step].Name})"));

        // The front: child 5 is more accurate than 1, 2 and 4 with less memory than any of them; 3, the most accurate, needs more than 5.
        var memory = MemnasSite.Children.ToDictionary(c => c.Sequence, c => MemnasSite.Memory(c.Sample).TotalBytes);
        Assert.True(memory[5] < memory[2] && memory[2] < memory[1] && memory[2] < memory[4] && memory[5] < memory[3],
            "the seed's memory no longer orders its children as the front expects: " + string.Join(", ", memory.Select(m => $"#{m.Key} {m.Value} B")));
        var front = page.Locator("#memory-front-figure");
        await Assertions.Expect(front).ToHaveAttributeAsync("data-points", "1,2,3,4,5");
        await Assertions.Expect(front).ToHaveAttributeAsync("data-front", "5,3");
        Assert.Equal(new[] { 5.0, 3.0 }, await page.EvaluateAsync<double[]>("() => Chart.getChart('memory-front-chart').data.datasets[0].data.map(p => p.sequence)"));
        Assert.Equal(new[] { 1.0, 2.0, 4.0 }, await page.EvaluateAsync<double[]>("() => Chart.getChart('memory-front-chart').data.datasets[1].data.map(p => p.sequence)"));
        Assert.Equal(new[] { memory[5], MemnasSite.Children[4].Accuracy, memory[3], MemnasSite.Children[2].Accuracy },
            await page.EvaluateAsync<double[]>("() => Chart.getChart('memory-front-chart').data.datasets[0].data.flatMap(p => [p.x, p.y])"));
        await Assertions.Expect(page.Locator("#memory-front-list")).ToContainTextAsync("Front (2 of 5 done children): #5 84.38 %");

        await tab.ScreenshotAsync("memnas-panel.png");
    }

    [Fact]
    public async Task a_new_round_arrives_without_reload_and_moves_the_lifetime_chart_to_the_new_base()
    {
        await tab.ShowCampaignAsync(MemnasSite.Live);
        await Assertions.Expect(page.Locator("#memnas")).ToHaveAttributeAsync("data-rounds", Invariant($"{MemnasSite.LiveRoundsAtStart}"));
        await Assertions.Expect(page.Locator("#memnas")).ToHaveAttributeAsync("data-base", "2");
        await Assertions.Expect(page.Locator("#lifetime-figure")).ToHaveAttributeAsync("data-sequence", "2");
        await Assertions.Expect(page.Locator("#memnas-round")).ToHaveAttributeAsync("data-round", "2");
        await page.EvaluateAsync("() => { window.loadedOnce = true; }");

        var next = MemnasSite.Rounds[MemnasSite.LiveRoundsAtStart];
        await site.RecordAsync(MemnasSite.Live, next);

        await Assertions.Expect(page.Locator("#memnas")).ToHaveAttributeAsync("data-rounds", Invariant($"{MemnasSite.LiveRoundsAtStart + 1}"));
        await Assertions.Expect(page.Locator("#memnas")).ToHaveAttributeAsync("data-base", Invariant($"{next.NextBase!.Sequence}"));
        await Assertions.Expect(page.Locator("#memnas-round")).ToHaveAttributeAsync("data-round", Invariant($"{next.Round}"));
        await Assertions.Expect(page.Locator("#candidates tbody tr")).ToHaveCountAsync(next.Candidates!.Count);
        await Assertions.Expect(page.Locator("#lifetime-figure")).ToHaveAttributeAsync("data-sequence", Invariant($"{next.NextBase.Sequence}"));
        await Assertions.Expect(page.Locator("#activity")).ToContainTextAsync(Invariant($"search step {next.Round}: grow-trim {next.Iteration}, τ -1.000"));
        Assert.True(await page.EvaluateAsync<bool>("() => window.loadedOnce === true"), "the page was loaded again");
    }

    [Fact]
    public async Task an_rl_campaign_has_no_memnas_panel()
    {
        await tab.ShowCampaignAsync(MemnasSite.Reinforced);

        await Assertions.Expect(page.Locator("#children tbody tr")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("#memnas")).ToBeHiddenAsync();
    }

    /// <summary>The round shown in full is <paramref name="round"/>: its title, its candidates by predicted rank with their measured ranks, the trained highlighted, the next base marked.</summary>
    private async Task ExpectRoundAsync(int round, string rankedBy)
    {
        var seeded = MemnasSite.Rounds[round - 1];
        await Assertions.Expect(page.Locator("#memnas-round")).ToHaveAttributeAsync("data-round", Invariant($"{round}"));
        await Assertions.Expect(page.Locator("#memnas-round-title")).ToContainTextAsync(rankedBy);
        await Assertions.Expect(page.Locator("#memnas-base")).ToContainTextAsync(seeded.Base!.Architecture);
        var candidates = seeded.Candidates!.OrderBy(c => c.PredictedRank).ToList();
        var rows = page.Locator("#candidates tbody tr");
        await Assertions.Expect(rows).ToHaveCountAsync(candidates.Count);
        for (var i = 0; i < candidates.Count; i++)
        {
            var c = candidates[i];
            var row = rows.Nth(i);
            var cells = row.Locator("td");
            await Assertions.Expect(cells.Nth(0)).ToHaveTextAsync(Invariant($"{c.PredictedRank}"));
            await Assertions.Expect(cells.Nth(1)).ToContainTextAsync(c.Operation);
            await Assertions.Expect(cells.Nth(6)).ToHaveTextAsync(c.Sequence is { } s ? Invariant($"#{s}") : "–");
            await Assertions.Expect(cells.Nth(8)).ToHaveTextAsync(c.Measured is { } y ? y.ToString("F4", CultureInfo.InvariantCulture) : "–");
            await Assertions.Expect(cells.Nth(9)).ToHaveTextAsync(c.MeasuredRank is { } rank ? Invariant($"{rank}") : "–");
            var classes = await row.GetAttributeAsync("class") ?? "";
            Assert.Equal(c.Sequence != null, classes.Split(' ').Contains("trained"));
            Assert.Equal(c.Sequence != null && c.Sequence == seeded.NextBase?.Sequence, classes.Split(' ').Contains("chosen"));
        }
        await Assertions.Expect(page.Locator("#memnas-next")).ToContainTextAsync(Invariant($"Next base: #{seeded.NextBase!.Sequence}"));
    }

    private static string Percent(double value) => (100 * value).ToString("F2", CultureInfo.InvariantCulture) + " %";

    private static string Bytes(long value) => value.ToString("N0", CultureInfo.InvariantCulture) + " B";
}
