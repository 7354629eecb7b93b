using System.Net;
using Mnas.Api.Campaigns;
using Mnas.Campaigns;
using Mnas.Grains;

namespace Mnas.Api.Tests;

public sealed class CampaignEndpointTests : IAsyncLifetime
{
    private TestApi api = null!;

    public async Task InitializeAsync() => api = await TestApi.StartAsync();

    public async Task DisposeAsync() => await api.DisposeAsync();

    [Fact]
    public async Task a_campaign_shows_its_children_by_status_its_best_reward_and_the_budget_used()
    {
        await CreateAsync("busy", new CampaignSettings("random", MaxChildren: 10, MaxHours: 2));
        await AddChildAsync("busy", 1, ChildStatus.Done, reward: 0.5);
        await AddChildAsync("busy", 2, ChildStatus.Done, reward: 0.7);
        await AddChildAsync("busy", 3, ChildStatus.Failed);
        await AddChildAsync("busy", 4, ChildStatus.Training);
        await AddChildAsync("busy", 5, ChildStatus.Queued);

        var campaign = await api.GetAsync<CampaignResponse>("/api/v1/campaigns/busy");

        Assert.Equal("busy", campaign.Id);
        Assert.Equal(CampaignStatus.Running, campaign.Status);
        Assert.Equal("random", campaign.Strategy);
        Assert.Equal(new ChildCounts(Sampled: 0, Queued: 1, Training: 1, Measured: 0, Done: 2, Failed: 1, Total: 5), campaign.Children);
        Assert.Equal(0.7, campaign.BestReward);
        Assert.Equal(new CampaignBudgetResponse(MaxChildren: 10, MaxHours: 2, ChildrenSampled: 5, ChildrenUsed: 0.5), campaign.Budget);
    }

    [Fact]
    public async Task the_list_holds_every_campaign_in_the_order_created_each_with_its_progress()
    {
        await CreateAsync("first", new CampaignSettings(MaxChildren: 4));
        await AddChildAsync("first", 1, ChildStatus.Done, reward: 0.25);
        await CreateAsync("second", new CampaignSettings(MaxChildren: null, MaxHours: 1), CampaignStatus.Completed);

        var campaigns = await api.GetAsync<List<CampaignResponse>>("/api/v1/campaigns");

        Assert.Equal(["first", "second"], campaigns.Select(c => c.Id));
        Assert.Equal(0.25, campaigns[0].BestReward);
        Assert.Equal(0.25, campaigns[0].Budget.ChildrenUsed);
        Assert.Equal(CampaignStatus.Completed, campaigns[1].Status);
        Assert.Null(campaigns[1].BestReward);
        Assert.Equal(0, campaigns[1].Children.Total);
        Assert.Null(campaigns[1].Budget.ChildrenUsed);
        Assert.Equal(1, campaigns[1].Budget.MaxHours);
    }

    [Fact]
    public async Task statuses_are_written_as_snake_case_words()
    {
        await CreateAsync("words", new CampaignSettings());

        var json = await api.Client.GetStringAsync("/api/v1/campaigns/words");

        Assert.Contains("\"status\":\"running\"", json);
        Assert.Contains("\"best_reward\":null", json);
        Assert.Contains("\"children_sampled\":0", json);
    }

    [Fact]
    public async Task an_unknown_campaign_is_404_problem_details_naming_it()
    {
        using var response = await api.Client.GetAsync("/api/v1/campaigns/no-such-campaign");
        var problem = await Problem.ReadAsync(response);

        Assert.Equal(HttpStatusCode.NotFound, problem.Status);
        Assert.Equal("Campaign not found", problem.Title);
        Assert.Equal("no campaign 'no-such-campaign'", problem.Detail);
    }

    private Task CreateAsync(string id, CampaignSettings settings, CampaignStatus status = CampaignStatus.Running) =>
        api.Store.CreateCampaignAsync(new Campaign(id, id, "{}", settings.ToJson(), 7, status, TestApi.Start));

    private async Task AddChildAsync(string campaign, long sequence, ChildStatus status, double? reward = null)
    {
        var child = await api.Store.AddChildAsync(new Child(campaign, sequence, $"arch-{sequence}", [1, 2, 3], -1.5, 0, ChildStatus.Sampled, 1,
            null, null, null, TestApi.Start));
        if (status != ChildStatus.Sampled)
        {
            var metrics = status == ChildStatus.Done ? new ChildMetrics(0.9, 12.5, 1000, 2000, 3000, 1.5) : null;
            await api.Store.UpdateChildAsync(child with
            {
                Status = status,
                Metrics = metrics,
                Reward = reward,
                FailureReason = status == ChildStatus.Failed ? "broken" : null,
            });
        }
    }
}
