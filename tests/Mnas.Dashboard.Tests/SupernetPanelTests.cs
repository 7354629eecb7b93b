using System.Globalization;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static System.FormattableString;

namespace Mnas.Dashboard.Tests;

/// <summary>The supernet panel of a campaign that trains one (fbnet, fbnetv2, bn-nas) in a real (headless) Chromium, over the real API and store.</summary>
public sealed class SupernetPanelTests(SupernetSite site, ITestOutputHelper output) : IClassFixture<SupernetSite>, IAsyncLifetime
{
    private DashboardTab tab = null!;
    private IPage page = null!;

    public async Task InitializeAsync()
    {
        tab = await DashboardTab.OpenAsync(site, output, 1400);
        page = tab.Page;
    }

    public async Task DisposeAsync() => await tab.DisposeAsync();

    [Fact]
    public async Task an_fbnet_campaign_shows_its_epochs_and_a_heat_map_of_theta_and_a_new_epoch_arrives_without_reload()
    {
        await tab.ShowCampaignAsync(SupernetSite.Training);

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

        await tab.ScreenshotAsync("supernet.png");

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
        await tab.ShowCampaignAsync(SupernetSite.NotStarted);

        await Assertions.Expect(page.Locator("#supernet-progress")).ToContainTextAsync($"epoch 0 of {SupernetSite.EpochsPlanned} done · not started");
        await Assertions.Expect(page.Locator("#supernet-empty")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#theta-figure")).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator("#supernet")).ToHaveAttributeAsync("data-epochs", "0");
    }

    [Fact]
    public async Task a_trained_fbnetv2_campaign_shows_its_posterior_with_widths_and_resolutions()
    {
        await tab.ShowCampaignAsync(SupernetSite.Trained);

        await Assertions.Expect(page.Locator("#supernet")).ToHaveAttributeAsync("data-trained", "true");
        await Assertions.Expect(page.Locator("#supernet-progress")).ToContainTextAsync("trained");
        await Assertions.Expect(page.Locator("#theta-caption")).ToContainTextAsync("trained supernet");
        await Assertions.Expect(page.Locator("#theta-heatmap tbody tr")).ToHaveCountAsync(SupernetSite.Layers);
        await Assertions.Expect(page.Locator("#theta-heatmap thead th[scope='col']")).ToHaveTextAsync(["k3_e3", "k5_e6", "skip"]);
        await Assertions.Expect(page.Locator("#width-heatmap tbody tr")).ToHaveCountAsync(SupernetSite.Layers);
        await Assertions.Expect(page.Locator("#width-heatmap thead th[scope='col']")).ToHaveTextAsync(["×0.5", "×0.75", "×1"]);
        await Assertions.Expect(page.Locator("#resolution-heatmap td")).ToHaveCountAsync(2);
        Assert.Equal("input · full: P = 0.7000", await page.Locator("#resolution-heatmap td").First.GetAttributeAsync("title"));

        await tab.ScreenshotAsync("supernet-fbnetv2.png");
    }

    [Fact]
    public async Task a_bn_nas_campaign_shows_its_indicator_ranking_stability_evolution_and_chosen_subnets()
    {
        await tab.ShowCampaignAsync(SupernetSite.BnEvolved);

        await Assertions.Expect(page.Locator("#supernet")).ToHaveAttributeAsync("data-trained", "true");
        await Assertions.Expect(page.Locator("#supernet-progress")).ToContainTextAsync(
            $"bn-nas: epoch {SupernetSite.BnEvolvedEpochs} of {SupernetSite.BnEvolvedEpochs} done · attempt 1 · loss 1.0000 · ranking distance 0.500 · " +
            $"trained; evolution: {SupernetSite.Iterations} iterations, {SupernetSite.Chosen.Count} subnets chosen");
        // Loss and ranking stability per epoch; τ and the expected latency under a uniform distribution are not shown, nor is P_θ.
        await Assertions.Expect(page.Locator("#supernet-ranking-figure")).ToBeVisibleAsync();
        foreach (var hidden in new[] { "#supernet-temperature-figure", "#supernet-latency-figure", "#theta-figure" })
        {
            await Assertions.Expect(page.Locator(hidden)).ToBeHiddenAsync();
        }
        Assert.Equal(SupernetSite.BnEvolvedEpochs, await page.EvaluateAsync<int>("() => Chart.getChart('supernet-loss-chart').data.datasets[0].data.length"));
        var ranking = await page.EvaluateAsync<double[]>("() => Chart.getChart('supernet-ranking-chart').data.datasets[0].data.flatMap(p => [p.x, p.y])");
        Assert.Equal([2.0, SupernetSite.RankingDistance(2)!.Value], ranking);

        // The posterior's indicator: a row per layer, a column per candidate, the score, its rank and the candidate's latency in each title.
        var rows = page.Locator("#indicator-heatmap tbody tr");
        await Assertions.Expect(page.Locator("#indicator-caption")).ToContainTextAsync("trained supernet");
        await Assertions.Expect(rows).ToHaveCountAsync(SupernetSite.Layers);
        await Assertions.Expect(page.Locator("#indicator-heatmap thead th[scope='col']")).ToHaveTextAsync(SupernetSite.BnCandidates.ToArray());
        var scores = SupernetSite.Scores(SupernetSite.BnEvolvedEpochs);
        for (var layer = 0; layer < SupernetSite.Layers; layer++)
        {
            for (var c = 0; c < SupernetSite.BnCandidates.Count; c++)
            {
                var cell = rows.Nth(layer).Locator("td").Nth(c);
                var name = SupernetSite.BnCandidates[c];
                if (!SupernetSite.Offers(layer, c))
                {
                    Assert.Equal($"layer {layer + 1} · {name}: not offered here", await cell.GetAttributeAsync("title"));
                    Assert.Equal("–", await cell.TextContentAsync());
                    continue;
                }
                var offered = Enumerable.Range(0, SupernetSite.BnCandidates.Count).Where(o => SupernetSite.Offers(layer, o)).Select(o => scores[layer][o]).ToList();
                var rank = 1 + offered.Count(v => v > scores[layer][c]);
                var latency = SupernetSite.BnCosts.Layers[layer][c]!.LatencyMs;
                Assert.Equal(Invariant($"layer {layer + 1} · {name}: score {scores[layer][c]:F4} (rank {rank} of {offered.Count}) · {latency:F3} ms"),
                    await cell.GetAttributeAsync("title"));
                Assert.Equal(rank == 1, (await cell.GetAttributeAsync("class") ?? "").Contains("best", StringComparison.Ordinal));
            }
        }

        // The evolution: each iteration's best and mean score, then the subnets it chose with their costs.
        await Assertions.Expect(page.Locator("#evolution")).ToHaveAttributeAsync("data-iterations", Invariant($"{SupernetSite.Iterations}"));
        await Assertions.Expect(page.Locator("#evolution-empty")).ToBeHiddenAsync();
        var best = await page.EvaluateAsync<double[]>("() => Chart.getChart('evolution-chart').data.datasets[0].data.map(p => p.y)");
        var mean = await page.EvaluateAsync<double[]>("() => Chart.getChart('evolution-chart').data.datasets[1].data.map(p => p.y)");
        Assert.Equal(SupernetSite.Evolution.Iterations.Select(i => i.BestScore), best);
        Assert.Equal(SupernetSite.Evolution.Iterations.Select(i => i.MeanScore), mean);
        var chosen = page.Locator("#chosen tbody tr");
        await Assertions.Expect(chosen).ToHaveCountAsync(SupernetSite.Chosen.Count);
        for (var i = 0; i < SupernetSite.Chosen.Count; i++)
        {
            var subnet = SupernetSite.Evolution.Chosen[i];
            var costs = subnet.Costs;
            await Assertions.Expect(chosen.Nth(i).Locator("td")).ToHaveTextAsync(
            [
                Invariant($"{i + 1}"), SupernetSite.ChosenName(SupernetSite.Chosen[i]), Invariant($"{subnet.Score:F4}"), Invariant($"{costs.LatencyMs:F3}"),
                Invariant($"{costs.Params:N0}"), Invariant($"{costs.Macs / 1e6:F2} M"), Invariant($"{costs.PeakActivationBytes:N0} B"),
            ]);
        }

        await tab.ScreenshotAsync("supernet-bn-nas.png");
    }

    [Fact]
    public async Task a_bn_nas_campaign_in_training_follows_its_epochs_and_then_its_evolution_without_reload()
    {
        await tab.ShowCampaignAsync(SupernetSite.BnTraining);

        await Assertions.Expect(page.Locator("#supernet")).ToHaveAttributeAsync("data-epochs", Invariant($"{SupernetSite.BnEpochsAtStart}"));
        await Assertions.Expect(page.Locator("#supernet-progress")).ToContainTextAsync(
            $"bn-nas: epoch {SupernetSite.BnEpochsAtStart} of {SupernetSite.BnEpochsPlanned} done · attempt {site.BnAttempt} · loss 1.0000 · ranking distance 0.500 · training");
        await Assertions.Expect(page.Locator("#indicator-caption")).ToContainTextAsync($"after epoch {SupernetSite.BnEpochsAtStart}");
        await Assertions.Expect(page.Locator("#evolution-empty")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#chosen")).ToBeHiddenAsync();
        var cell = page.Locator("#indicator-heatmap tbody tr").Nth(3).Locator("td").Nth(1);
        Assert.StartsWith(Invariant($"layer 4 · {SupernetSite.BnCandidates[1]}: score {SupernetSite.Scores(SupernetSite.BnEpochsAtStart)[3][1]:F4} (rank "),
            await cell.GetAttributeAsync("title"));

        // The next epoch is recorded and announced: the heat map, the ranking chart and the activity follow it, without a reload.
        await page.EvaluateAsync("() => { window.loadedOnce = true; }");
        var next = SupernetSite.BnEpochsAtStart + 1;
        await site.RecordBnEpochAsync(next);
        await Assertions.Expect(page.Locator("#supernet")).ToHaveAttributeAsync("data-epochs", Invariant($"{next}"));
        await Assertions.Expect(page.Locator("#indicator-caption")).ToContainTextAsync($"after epoch {next}");
        Assert.StartsWith(Invariant($"layer 4 · {SupernetSite.BnCandidates[1]}: score {SupernetSite.Scores(next)[3][1]:F4} (rank "),
            await cell.GetAttributeAsync("title"));
        await Assertions.Expect(page.Locator("#activity")).ToContainTextAsync(Invariant($"supernet epoch {next} (attempt {site.BnAttempt}): loss {2.0 / next:F4}, ranking distance {SupernetSite.RankingDistance(next):F3}"));
        Assert.Equal(next - 1, await page.EvaluateAsync<int>("() => Chart.getChart('supernet-ranking-chart').data.datasets[0].data.length"));

        // The supernet trains and the evolution over it is recorded: its chart and the subnets it chose appear, still without a reload.
        await site.FinishBnAsync(next);
        await Assertions.Expect(page.Locator("#chosen tbody tr")).ToHaveCountAsync(SupernetSite.Chosen.Count);
        await Assertions.Expect(page.Locator("#evolution-empty")).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator("#indicator-caption")).ToContainTextAsync("trained supernet");
        await Assertions.Expect(page.Locator("#supernet-progress")).ToContainTextAsync($"evolution: {SupernetSite.Iterations} iterations");
        Assert.Equal(SupernetSite.Iterations, await page.EvaluateAsync<int>("() => Chart.getChart('evolution-chart').data.datasets[0].data.length"));
        Assert.True(await page.EvaluateAsync<bool>("() => window.loadedOnce === true"), "the page was loaded again");
    }

    [Fact]
    public async Task an_rl_campaign_has_no_supernet_panel()
    {
        await tab.ShowCampaignAsync(SupernetSite.Reinforced);

        await Assertions.Expect(page.Locator("#campaign-title")).ToContainTextAsync(SupernetSite.Reinforced);
        await Assertions.Expect(page.Locator("#supernet")).ToBeHiddenAsync();
    }
}
