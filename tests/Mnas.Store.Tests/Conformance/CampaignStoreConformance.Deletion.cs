using Mnas.Campaigns;

namespace Mnas.Store.Tests.Conformance;

public abstract partial class CampaignStoreConformance
{
    [Fact]
    public async Task deleting_a_campaign_removes_it_with_its_children_checkpoints_and_events_and_leaves_the_others()
    {
        foreach (var id in new[] { "c1", "c2" })
        {
            await CreateCampaignAsync(id);
            await AddInStatusAsync(NewChild(1, id), ChildStatus.Done);
            await Store.AddChildAsync(NewChild(2, id));
            await Store.SaveCheckpointAsync(new ControllerCheckpoint(id, 1, 1, [1, 2, 3], T0));
            await Store.AppendEventAsync(id, "sampled", "child 2", T0);
        }

        Assert.True(await Store.DeleteCampaignAsync("c1"));

        Assert.Null(await Store.GetCampaignAsync("c1"));
        Assert.Equal(["c2"], (await Store.ListCampaignsAsync()).Select(c => c.Id));
        Assert.Empty(await Store.ListChildrenAsync("c1"));
        Assert.Null(await Store.GetLatestCheckpointAsync("c1"));
        Assert.Empty(await Store.ListEventsAsync("c1"));
        Assert.Equal(2, (await Store.ListChildrenAsync("c2")).Count);
        Assert.NotNull(await Store.GetLatestCheckpointAsync("c2"));
        Assert.Single(await Store.ListEventsAsync("c2"));
    }

    [Fact]
    public async Task a_deleted_campaign_id_can_be_used_again_from_scratch()
    {
        await CreateCampaignAsync("c1");
        await Store.AddChildAsync(NewChild(1));
        await Store.AppendEventAsync("c1", "sampled", "child 1", T0);
        await Store.DeleteCampaignAsync("c1");

        await CreateCampaignAsync("c1");

        Assert.Equal(0, await Store.GetMaxSequenceAsync("c1"));
        Assert.Equal(1, (await Store.AppendEventAsync("c1", "sampled", "again", T0)).Id);
    }

    [Fact]
    public async Task deleting_an_unknown_campaign_answers_false_and_changes_nothing()
    {
        await CreateCampaignAsync("c1");

        Assert.False(await Store.DeleteCampaignAsync("c2"));

        Assert.Single(await Store.ListCampaignsAsync());
    }

    [Fact]
    public async Task deleting_with_an_empty_id_is_refused_naming_the_campaign_id()
    {
        await CreateCampaignAsync("c1");

        await AssertRefusedAsync("campaignId", () => Store.DeleteCampaignAsync(" "));

        Assert.Single(await Store.ListCampaignsAsync());
    }

    [Fact]
    public async Task a_campaign_keeps_its_owner_and_can_be_cancelled()
    {
        var owned = NewCampaign("c1") with { Owner = "0123456789ab" };
        await Store.CreateCampaignAsync(owned);
        await CreateCampaignAsync("c2");

        var cancelled = await Store.UpdateCampaignStatusAsync("c1", CampaignStatus.Cancelled);

        Assert.Equal(owned with { Status = CampaignStatus.Cancelled }, cancelled);
        Assert.Equal(["0123456789ab", ""], (await Store.ListCampaignsAsync()).Select(c => c.Owner));
    }
}
