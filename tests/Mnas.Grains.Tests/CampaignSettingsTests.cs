namespace Mnas.Grains.Tests;

public class CampaignSettingsTests
{
    [Fact]
    public void settings_round_trip_through_the_json_stored_with_a_campaign()
    {
        var settings = new CampaignSettings("random", 12, 1.5, 4, 3);
        Assert.Equal(settings, CampaignSettings.FromJson(settings.ToJson()));
        Assert.Equal(12, settings.Budget.MaxChildren);
        Assert.Equal(TimeSpan.FromHours(1.5), settings.Budget.MaxWallClock);
    }

    [Fact]
    public void bad_settings_are_refused_naming_each_field()
    {
        var e = Assert.Throws<ArgumentException>(() => new CampaignSettings("bayes", 0, null, 0, 0).ThrowIfInvalid());
        Assert.Contains("strategy: must be one of rl, random, fbnet, fbnetv2, bn-nas, fbnetv3, memnas (got 'bayes')", e.Message);
        Assert.Contains("children: must be in 1..10000 (got 0)", e.Message);
        Assert.Contains("minibatch: must be in 1..1000 (got 0)", e.Message);
        Assert.Contains("workers:", e.Message);
    }

    [Fact]
    public void budgets_and_minibatches_beyond_the_ranges_table_are_refused()
    {
        var e = Assert.Throws<ArgumentException>(() => new CampaignSettings("rl", 10_001, 720.5, 1_001).ThrowIfInvalid());
        Assert.Contains("children: must be in 1..10000 (got 10001)", e.Message);
        Assert.Contains("hours: must be in (0, 720] (got 720.5)", e.Message);
        Assert.Contains("minibatch: must be in 1..1000 (got 1001)", e.Message);
        Assert.Null(CampaignSettings.SeedProblem(Mnas.SearchSpace.Contract.CampaignRanges.MaxSafeInteger));
        Assert.Equal("seed: must be in 0..9007199254740991 (got -1)", CampaignSettings.SeedProblem(-1));
    }

    [Fact]
    public void a_campaign_without_any_budget_is_refused()
    {
        var e = Assert.Throws<ArgumentException>(() => new CampaignSettings(MaxChildren: null, MaxHours: null).ThrowIfInvalid());
        Assert.Contains("needs a budget", e.Message);
    }

    [Fact]
    public void the_budget_is_spent_by_children_or_by_time_whichever_comes_first()
    {
        var budget = new Campaigns.CampaignBudget(10, TimeSpan.FromMinutes(5));
        Assert.False(budget.Exhausted(9, TimeSpan.FromMinutes(4)));
        Assert.True(budget.Exhausted(10, TimeSpan.Zero));
        Assert.True(budget.Exhausted(0, TimeSpan.FromMinutes(5)));
    }
}
