using System.Globalization;
using Microsoft.Playwright;
using Mnas.SearchSpace.Predictor;
using Mnas.SearchSpace.Recipes;
using Xunit.Abstractions;
using static System.FormattableString;

namespace Mnas.Dashboard.Tests;

/// <summary>The search panel and the children's recipes of an fbnetv3 campaign in a real (headless) Chromium, over the real API and store.</summary>
public sealed class SearchPanelTests(Fbnetv3Site site, ITestOutputHelper output) : IClassFixture<Fbnetv3Site>, IAsyncLifetime
{
    private DashboardTab tab = null!;
    private IPage page = null!;

    public async Task InitializeAsync()
    {
        tab = await DashboardTab.OpenAsync(site, output, 1600);
        page = tab.Page;
    }

    public async Task DisposeAsync() => await tab.DisposeAsync();

    [Fact]
    public async Task an_fbnetv3_campaign_shows_its_stage_the_predictors_quality_per_round_and_the_fine_stages_progress()
    {
        await tab.ShowCampaignAsync(Fbnetv3Site.Campaign);

        var steps = Fbnetv3Site.Steps;
        await Assertions.Expect(page.Locator("#search")).ToHaveAttributeAsync("data-stage", "final");
        await Assertions.Expect(page.Locator("#search")).ToHaveAttributeAsync("data-rounds", Invariant($"{steps.Count}"));
        await Assertions.Expect(page.Locator("#search-progress")).ToContainTextAsync(
            Invariant($"fbnetv3: stage final · step {steps.Count} · pretrained (loss 0.0125) · 2 coarse rounds · latest τ 1.000 · ") +
            Invariant($"fine iteration 2: best predicted 82.50 % · predictor fitted on 6 children · latency table: {Fbnetv3Site.LatencyEntries} operators"));
        await Assertions.Expect(page.Locator("#supernet")).ToBeHiddenAsync();

        // One row per step, with its stage and Kendall's τ where the predictor had something to rank.
        var rows = page.Locator("#rounds tbody tr");
        await Assertions.Expect(rows).ToHaveCountAsync(steps.Count);
        for (var i = 0; i < steps.Count; i++)
        {
            var cells = rows.Nth(i).Locator("td");
            await Assertions.Expect(cells.Nth(1)).ToHaveTextAsync(steps[i].Stage);
            await Assertions.Expect(cells.Nth(4)).ToHaveTextAsync(steps[i].KendallTau is { } tau ? tau.ToString("F3", CultureInfo.InvariantCulture) : "–");
        }

        // Predicted against measured: the points with a prediction, coarse and final apart.
        var predicted = (string stage) => steps.Where(s => s.Stage == stage).SelectMany(s => s.Points).Where(p => p.Predicted != null).ToList();
        foreach (var (dataset, stage) in new[] { (0, SearchRound.Coarse), (1, SearchRound.Final) })
        {
            var points = await page.EvaluateAsync<double[]>($"() => Chart.getChart('prediction-chart').data.datasets[{dataset}].data.flatMap(p => [p.x, p.y])");
            Assert.Equal(predicted(stage).SelectMany(p => new[] { p.Predicted!.Value, p.Measured!.Value }), points);
        }
        await Assertions.Expect(page.Locator("#prediction-figure")).ToHaveAttributeAsync("data-points", Invariant($"{predicted(SearchRound.Coarse).Count + predicted(SearchRound.Final).Count}"));

        // τ per round, and the fine stage's best and mean predicted accuracy per iteration.
        var taus = await page.EvaluateAsync<double[]>("() => Chart.getChart('tau-chart').data.datasets[0].data.flatMap(p => [p.x, p.y])");
        Assert.Equal(steps.Where(s => s.KendallTau != null).SelectMany(s => new[] { s.Round, s.KendallTau!.Value }), taus);
        var fine = steps.Where(s => s.Stage == SearchRound.Fine).ToList();
        Assert.Equal(fine.Select(s => s.BestPredicted!.Value), await page.EvaluateAsync<double[]>("() => Chart.getChart('fine-chart').data.datasets[0].data.map(p => p.y)"));
        Assert.Equal(fine.Select(s => s.MeanPredicted!.Value), await page.EvaluateAsync<double[]>("() => Chart.getChart('fine-chart').data.datasets[1].data.map(p => p.y)"));
        Assert.Equal(fine.Select(s => (double)s.Feasible!.Value), await page.EvaluateAsync<double[]>("() => Chart.getChart('fine-chart').data.datasets[0].data.map(p => p.feasible)"));
        await Assertions.Expect(rows.Nth(3).Locator("td").Nth(8)).ToHaveTextAsync(Invariant($"{fine[0].Feasible}"));
        await Assertions.Expect(rows.Nth(3).Locator("td").Nth(9)).ToHaveTextAsync(Invariant($"{fine[0].Rejected}"));

        await tab.ScreenshotAsync("search-fbnetv3.png");
    }

    [Fact]
    public async Task the_children_table_and_a_childs_dialog_show_the_recipe_its_name_carries()
    {
        await tab.ShowCampaignAsync(Fbnetv3Site.Campaign);

        await Assertions.Expect(page.Locator("#recipe-column")).ToBeVisibleAsync();
        var rows = page.Locator("#children tbody tr");
        await Assertions.Expect(rows).ToHaveCountAsync(Fbnetv3Site.Children);
        for (var i = 0; i < Fbnetv3Site.Children; i++)
        {
            var sequence = long.Parse((await rows.Nth(i).GetAttributeAsync("data-sequence"))!, CultureInfo.InvariantCulture);
            await Assertions.Expect(rows.Nth(i).Locator("td.recipe")).ToHaveTextAsync(Text(Fbnetv3Site.RecipeOf(sequence)));
        }

        await page.Locator("#children tbody tr[data-sequence='2']").ClickAsync();
        var recipe = Fbnetv3Site.RecipeOf(2);
        await Assertions.Expect(page.Locator("#child-recipe dd")).ToHaveTextAsync(
        [
            recipe.Optimizer, Number(recipe.LearningRate), Number(recipe.WeightDecay), Invariant($"{recipe.Epochs}"), Invariant($"{recipe.BatchSize}"),
            Number(recipe.LabelSmoothing), Number(recipe.Dropout), Number(recipe.StochasticDepth), Number(recipe.MixupAlpha), Number(recipe.EmaDecay),
        ]);
        await Assertions.Expect(page.Locator("#child-body pre").First).ToHaveTextAsync(Fbnetv3Site.Name(2));
    }

    [Fact]
    public async Task a_new_search_step_arrives_without_reload()
    {
        await tab.ShowCampaignAsync(Fbnetv3Site.Live);
        await Assertions.Expect(page.Locator("#search")).ToHaveAttributeAsync("data-stage", "coarse");
        await Assertions.Expect(page.Locator("#search")).ToHaveAttributeAsync("data-rounds", Invariant($"{Fbnetv3Site.LiveStepsAtStart}"));
        await Assertions.Expect(page.Locator("#fine-figure")).ToHaveAttributeAsync("data-iterations", "0");
        await page.EvaluateAsync("() => { window.loadedOnce = true; }");

        // The fine stage's first iteration is recorded and announced: the panel follows it.
        var next = Fbnetv3Site.Steps[Fbnetv3Site.LiveStepsAtStart];
        await site.RecordAsync(Fbnetv3Site.Live, next);

        await Assertions.Expect(page.Locator("#search")).ToHaveAttributeAsync("data-stage", "fine");
        await Assertions.Expect(page.Locator("#search")).ToHaveAttributeAsync("data-rounds", Invariant($"{Fbnetv3Site.LiveStepsAtStart + 1}"));
        await Assertions.Expect(page.Locator("#fine-figure")).ToHaveAttributeAsync("data-iterations", "1");
        await Assertions.Expect(page.Locator("#activity")).ToContainTextAsync(
            Invariant($"search step {next.Round}: fine 1, best predicted {100 * next.BestPredicted!.Value:F2} %, {next.Feasible} feasible, {next.Rejected} rejected"));
        Assert.Equal([next.BestPredicted.Value], await page.EvaluateAsync<double[]>("() => Chart.getChart('fine-chart').data.datasets[0].data.map(p => p.y)"));
        Assert.True(await page.EvaluateAsync<bool>("() => window.loadedOnce === true"), "the page was loaded again");
    }

    [Fact]
    public async Task an_rl_campaign_has_no_search_panel_and_no_recipe_column()
    {
        await tab.ShowCampaignAsync(Fbnetv3Site.Reinforced);

        await Assertions.Expect(page.Locator("#children tbody tr")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("#search")).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator("#recipe-column")).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator("#children tbody td.recipe")).ToHaveCountAsync(0);
    }

    /// <summary>A recipe as the children table writes it.</summary>
    private static string Text(Recipe r) =>
        $"{r.Optimizer} · lr {Number(r.LearningRate)} · wd {Number(r.WeightDecay)} · {r.Epochs} epochs · batch {r.BatchSize} · " +
        $"label smoothing {Number(r.LabelSmoothing)} · dropout {Number(r.Dropout)} · stochastic depth {Number(r.StochasticDepth)} · " +
        $"mixup {Number(r.MixupAlpha)} · ema {Number(r.EmaDecay)}";

    private static string Number(double value) => value.ToString(CultureInfo.InvariantCulture);
}
