using Mnas.Campaigns;

namespace Mnas.Store.Tests.Conformance;

public abstract partial class CampaignStoreConformance
{
    [Fact]
    public async Task event_ids_count_up_from_one_in_each_campaign()
    {
        await CreateCampaignAsync("c1");
        await CreateCampaignAsync("c2");

        var first = await Store.AppendEventAsync("c1", "started", "campaign started", T0);
        var second = await Store.AppendEventAsync("c1", "child", "child 1 sampled", T0.AddSeconds(1));
        var other = await Store.AppendEventAsync("c2", "started", "", T0);

        Assert.Equal([1L, 2, 1], new[] { first.Id, second.Id, other.Id });
        Assert.Equal(new CampaignEvent("c1", 2, "child", "child 1 sampled", T0.AddSeconds(1)), second);
    }

    [Fact]
    public async Task events_round_trip_field_for_field()
    {
        await CreateCampaignAsync();
        var at = T0.ToOffset(TimeSpan.FromHours(5.75));

        var appended = await Store.AppendEventAsync("c1", "failure", "child 3: out of memory\nstack… ✗", at);
        var listed = Assert.Single(await Store.ListEventsAsync("c1"));

        Assert.Equal(appended, listed);
        Assert.Equal("child 3: out of memory\nstack… ✗", listed.Message);
        AssertSameTime(at, listed.At);
    }

    [Fact]
    public async Task events_after_an_id_are_listed_in_order_for_tailing()
    {
        await CreateCampaignAsync();
        for (var i = 0; i < 5; i++)
        {
            await Store.AppendEventAsync("c1", "tick", $"tick {i}", T0.AddSeconds(i));
        }

        var tail = await Store.ListEventsAsync("c1", afterId: 2);
        var caughtUp = await Store.ListEventsAsync("c1", afterId: tail[^1].Id);
        await Store.AppendEventAsync("c1", "tick", "tick 5", T0.AddSeconds(5));
        var next = await Store.ListEventsAsync("c1", afterId: tail[^1].Id);

        Assert.Equal([3L, 4, 5], tail.Select(e => e.Id));
        Assert.Equal(["tick 2", "tick 3", "tick 4"], tail.Select(e => e.Message));
        Assert.Empty(caughtUp);
        Assert.Equal([6L], next.Select(e => e.Id));
        Assert.Empty(await Store.ListEventsAsync("unknown"));
    }

    [Fact]
    public async Task an_event_page_holds_at_most_its_limit()
    {
        await CreateCampaignAsync();
        for (var i = 0; i < 7; i++)
        {
            await Store.AppendEventAsync("c1", "tick", $"tick {i}", T0);
        }

        Assert.Equal([1L, 2, 3], (await Store.ListEventsAsync("c1", limit: 3)).Select(e => e.Id));
        Assert.Equal([4L, 5, 6], (await Store.ListEventsAsync("c1", afterId: 3, limit: 3)).Select(e => e.Id));
        Assert.Equal(7, (await Store.ListEventsAsync("c1", limit: StoreRules.MaxEventPage)).Count);
        await AssertRefusedAsync("limit", () => Store.ListEventsAsync("c1", limit: 0));
        await AssertRefusedAsync("limit", () => Store.ListEventsAsync("c1", limit: StoreRules.MaxEventPage + 1));
        await AssertRefusedAsync("afterId", () => Store.ListEventsAsync("c1", afterId: -1));
    }

    [Fact]
    public async Task bad_events_are_refused_naming_the_field()
    {
        await CreateCampaignAsync();

        await AssertRefusedAsync("campaignId", () => Store.AppendEventAsync("nope", "tick", "m", T0));
        await AssertRefusedAsync("campaignId", () => Store.AppendEventAsync("", "tick", "m", T0));
        await AssertRefusedAsync("kind", () => Store.AppendEventAsync("c1", " ", "m", T0));
        await AssertRefusedAsync("message", () => Store.AppendEventAsync("c1", "tick", null!, T0));

        Assert.Empty(await Store.ListEventsAsync("c1"));
        Assert.Equal(1, (await Store.AppendEventAsync("c1", "tick", "m", T0)).Id);
    }
}
