using Mnas.Campaigns;

namespace Mnas.Store.Tests.Conformance;

public abstract partial class CampaignStoreConformance
{
    [Fact]
    public async Task a_created_campaign_reads_back_field_for_field()
    {
        var campaign = NewCampaign() with { Seed = long.MinValue, CreatedAt = T0.ToOffset(TimeSpan.FromHours(-9.5)) };

        await Store.CreateCampaignAsync(campaign);
        var stored = await Store.GetCampaignAsync("c1");

        Assert.Equal(campaign, stored);
        AssertSameTime(campaign.CreatedAt, stored!.CreatedAt);
    }

    [Fact]
    public async Task an_unknown_campaign_reads_as_null()
    {
        await CreateCampaignAsync("c1");

        Assert.Null(await Store.GetCampaignAsync("c2"));
    }

    [Fact]
    public async Task a_duplicate_campaign_id_is_refused_and_the_first_is_kept()
    {
        var first = await CreateCampaignAsync("c1");

        var error = await Assert.ThrowsAsync<DuplicateCampaignException>(
            () => Store.CreateCampaignAsync(NewCampaign("c1") with { Name = "second" }));

        Assert.Equal("c1", error.CampaignId);
        Assert.Contains("'c1'", error.Message);
        Assert.Equal(first, await Store.GetCampaignAsync("c1"));
        Assert.Single(await Store.ListCampaignsAsync());
    }

    [Fact]
    public async Task campaigns_are_listed_in_creation_order()
    {
        foreach (var id in new[] { "zeta", "alpha", "mid" })
        {
            await CreateCampaignAsync(id);
        }

        var listed = await Store.ListCampaignsAsync();

        Assert.Equal(["zeta", "alpha", "mid"], listed.Select(c => c.Id));
        Assert.Equal(NewCampaign("alpha"), listed[1]);
    }

    [Fact]
    public async Task no_campaigns_list_as_empty()
    {
        Assert.Empty(await Store.ListCampaignsAsync());
    }

    [Fact]
    public async Task a_campaign_status_update_is_stored_and_returned()
    {
        var campaign = await CreateCampaignAsync("c1");
        await CreateCampaignAsync("c2");

        var updated = await Store.UpdateCampaignStatusAsync("c1", CampaignStatus.Paused);

        Assert.Equal(campaign with { Status = CampaignStatus.Paused }, updated);
        Assert.Equal(updated, await Store.GetCampaignAsync("c1"));
        Assert.Equal(CampaignStatus.Running, (await Store.GetCampaignAsync("c2"))!.Status);
        Assert.Equal(CampaignStatus.Completed, (await Store.UpdateCampaignStatusAsync("c1", CampaignStatus.Completed)).Status);
    }

    [Fact]
    public async Task updating_the_status_of_an_unknown_campaign_names_the_campaign_id()
    {
        await CreateCampaignAsync("c1");

        await AssertRefusedAsync("campaignId", () => Store.UpdateCampaignStatusAsync("nope", CampaignStatus.Paused));
        Assert.Equal(CampaignStatus.Running, (await Store.GetCampaignAsync("c1"))!.Status);
    }

    [Theory]
    [InlineData(CampaignStatus.Running)]
    [InlineData(CampaignStatus.Completed)]
    [InlineData(CampaignStatus.Paused)]
    public async Task a_cancelled_campaign_stays_cancelled_whatever_is_set_later(CampaignStatus later)
    {
        var campaign = await CreateCampaignAsync("c1");
        var cancelled = await Store.UpdateCampaignStatusAsync("c1", CampaignStatus.Cancelled);

        var returned = await Store.UpdateCampaignStatusAsync("c1", later);

        Assert.Equal(campaign with { Status = CampaignStatus.Cancelled }, cancelled);
        Assert.Equal(cancelled, returned);
        Assert.Equal(cancelled, await Store.GetCampaignAsync("c1"));
    }

    [Fact]
    public async Task a_cancel_racing_coordinators_setting_the_status_ends_cancelled()
    {
        await CreateCampaignAsync("c1");

        var updates = Enumerable.Range(0, 12)
            .Select(i => Task.Run(() => Store.UpdateCampaignStatusAsync("c1", i == 5 ? CampaignStatus.Cancelled : i % 2 == 0 ? CampaignStatus.Running : CampaignStatus.Completed)))
            .ToList();
        await Task.WhenAll(updates);

        Assert.Equal(CampaignStatus.Cancelled, (await Store.GetCampaignAsync("c1"))!.Status);
    }
}
