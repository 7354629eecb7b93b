using Mnas.Campaigns;

namespace Mnas.Store.Tests.Conformance;

public abstract partial class CampaignStoreConformance
{
    public static TheoryData<string, Campaign?> BadCampaigns => new()
    {
        { "campaign", null },
        { "campaign.Id", NewCampaign() with { Id = null! } },
        { "campaign.Id", NewCampaign() with { Id = "" } },
        { "campaign.Id", NewCampaign() with { Id = "  " } },
        { "campaign.Name", NewCampaign() with { Name = null! } },
        { "campaign.SpecJson", NewCampaign() with { SpecJson = null! } },
        { "campaign.Strategy", NewCampaign() with { Strategy = null! } },
        { "campaign.Status", NewCampaign() with { Status = (CampaignStatus)42 } },
        { "campaign.Owner", NewCampaign() with { Owner = null! } },
    };

    [Theory]
    [MemberData(nameof(BadCampaigns))]
    public async Task bad_campaigns_are_refused_naming_the_field_and_nothing_is_written(string field, Campaign? campaign)
    {
        await AssertRefusedAsync(field, () => Store.CreateCampaignAsync(campaign!));

        Assert.Empty(await Store.ListCampaignsAsync());
    }

    public static TheoryData<string, Child?> BadChildren => new()
    {
        { "child", null },
        { "child.CampaignId", NewChild(1) with { CampaignId = null! } },
        { "child.CampaignId", NewChild(1) with { CampaignId = "" } },
        { "child.Sequence", NewChild(0) },
        { "child.Sequence", NewChild(-3) },
        { "child.Architecture", NewChild(1) with { Architecture = "" } },
        { "child.Tokens", NewChild(1) with { Tokens = null! } },
        { "child.LogProbability", NewChild(1) with { LogProbability = double.NaN } },
        { "child.PolicyVersion", NewChild(1) with { PolicyVersion = -1 } },
        { "child.Status", NewChild(1) with { Status = (ChildStatus)99 } },
        { "child.Attempts", NewChild(1) with { Attempts = -1 } },
        { "child.Reward", NewChild(1) with { Reward = double.NaN } },
        { "child.Reward", NewChild(1) with { Reward = double.PositiveInfinity } },
        { "child.Metrics.Accuracy", NewChild(1) with { Metrics = NewMetrics(double.NaN) } },
        { "child.Metrics.LatencyMs", NewChild(1) with { Metrics = NewMetrics() with { LatencyMs = double.NegativeInfinity } } },
        { "child.Metrics.Params", NewChild(1) with { Metrics = NewMetrics() with { Params = -1 } } },
        { "child.Metrics.TrainSeconds", NewChild(1) with { Metrics = NewMetrics() with { TrainSeconds = double.NaN } } },
    };

    [Theory]
    [MemberData(nameof(BadChildren))]
    public async Task bad_children_are_refused_naming_the_field_and_nothing_is_written(string field, Child? child)
    {
        await CreateCampaignAsync();

        await AssertRefusedAsync(field, () => Store.AddChildAsync(child!));

        Assert.Empty(await Store.ListChildrenAsync("c1"));
    }

    [Fact]
    public async Task a_child_of_an_unknown_campaign_is_refused_naming_its_campaign_id()
    {
        await CreateCampaignAsync("c1");

        await AssertRefusedAsync("child.CampaignId", () => Store.AddChildAsync(NewChild(1, "c2")));
        await AssertRefusedAsync("children[0].CampaignId", () => Store.AddChildrenAsync([NewChild(1, "c2"), NewChild(2, "c2")]));

        Assert.Empty(await Store.ListChildrenAsync("c2"));
        Assert.Equal(0, await Store.GetMaxSequenceAsync("c2"));
    }

    [Fact]
    public async Task a_batch_with_a_bad_child_is_refused_naming_it()
    {
        await CreateCampaignAsync("c1");
        await CreateCampaignAsync("c2");

        await AssertRefusedAsync("children[1].Sequence", () => Store.AddChildrenAsync([NewChild(1), NewChild(-1)]));
        await AssertRefusedAsync("children[2].CampaignId", () => Store.AddChildrenAsync([NewChild(1), NewChild(2), NewChild(3, "c2")]));
        await AssertRefusedAsync("children", () => Store.AddChildrenAsync(null!));

        Assert.Empty(await Store.ListChildrenAsync("c1"));
        Assert.Empty(await Store.ListChildrenAsync("c2"));
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.NegativeInfinity)]
    public async Task a_non_finite_reward_never_reaches_a_stored_child(double reward)
    {
        await CreateCampaignAsync();
        var child = await AddInStatusAsync(NewChild(1), ChildStatus.Measured);

        await AssertRefusedAsync("child.Reward", () => Store.UpdateChildAsync(child with { Status = ChildStatus.Done, Reward = reward }));

        AssertSameChild(child, await Store.GetChildAsync("c1", 1));
    }

    [Fact]
    public async Task bad_ids_and_sequences_in_reads_are_refused_naming_the_field()
    {
        await AssertRefusedAsync("campaignId", () => Store.GetCampaignAsync(""));
        await AssertRefusedAsync("campaignId", () => Store.GetChildAsync(null!, 1));
        await AssertRefusedAsync("sequence", () => Store.GetChildAsync("c1", -1));
        await AssertRefusedAsync("campaignId", () => Store.ListChildrenAsync(" "));
        await AssertRefusedAsync("status", () => Store.ListChildrenAsync("c1", (ChildStatus)99));
        await AssertRefusedAsync("architecture", () => Store.FindDoneChildAsync("c1", ""));
        await AssertRefusedAsync("campaignId", () => Store.GetMaxSequenceAsync(""));
        await AssertRefusedAsync("campaignId", () => Store.CountChildrenByStatusAsync(""));
        await AssertRefusedAsync("campaignId", () => Store.GetLatestCheckpointAsync(""));
        await AssertRefusedAsync("campaignId", () => Store.ListEventsAsync(""));
        await AssertRefusedAsync("campaignId", () => Store.UpdateCampaignStatusAsync("", CampaignStatus.Paused));
        await AssertRefusedAsync("status", () => Store.UpdateCampaignStatusAsync("c1", (CampaignStatus)9));
    }

    public static TheoryData<string, ControllerCheckpoint?> BadCheckpoints => new()
    {
        { "checkpoint", null },
        { "checkpoint.CampaignId", NewCheckpoint(1) with { CampaignId = "" } },
        { "checkpoint.Version", NewCheckpoint(1) with { Version = -1 } },
        { "checkpoint.LastChildIncluded", NewCheckpoint(1) with { LastChildIncluded = -1 } },
        { "checkpoint.State", NewCheckpoint(1) with { State = null! } },
    };

    [Theory]
    [MemberData(nameof(BadCheckpoints))]
    public async Task bad_checkpoints_are_refused_naming_the_field_and_nothing_is_written(string field, ControllerCheckpoint? checkpoint)
    {
        await CreateCampaignAsync();

        await AssertRefusedAsync(field, () => Store.SaveCheckpointAsync(checkpoint!));

        Assert.Null(await Store.GetLatestCheckpointAsync("c1"));
    }
}
