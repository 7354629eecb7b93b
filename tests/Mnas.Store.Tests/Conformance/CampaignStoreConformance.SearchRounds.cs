using Mnas.Campaigns;

namespace Mnas.Store.Tests.Conformance;

/// <summary>A predictor-driven search's rounds (FBNetV3): kept in round order, one per round number, refused when bad.</summary>
public abstract partial class CampaignStoreConformance
{
    protected const string RoundJson = """{"stage":"coarse","points":[{"sequence":3,"predicted":0.5000000000000001,"measured":0.25}],"ünïcødé":"✓", "spaced" : [ 1 ]}""";

    protected static SearchRoundRecord NewSearchRound(int round, string stage = "coarse", string? json = null, string campaignId = "c1") =>
        new(campaignId, round, stage, json ?? $$"""{"round":{{round}},"stage":"{{stage}}"}""", T0.AddMinutes(round).ToOffset(TimeSpan.FromMinutes(-210 + round)));

    protected static void AssertSameRounds(IReadOnlyList<SearchRoundRecord> expected, IReadOnlyList<SearchRoundRecord> actual)
    {
        Assert.Equal(expected.Count, actual.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            Assert.Equal(expected[i], actual[i]);
            AssertSameTime(expected[i].RecordedAt, actual[i].RecordedAt);
        }
    }

    [Fact]
    public async Task search_rounds_are_listed_in_round_order_with_their_json_exactly_as_written()
    {
        await CreateCampaignAsync();
        Assert.Empty(await Store.ListSearchRoundsAsync("c1"));
        var rounds = new[] { NewSearchRound(3, "fine"), NewSearchRound(1, json: RoundJson), NewSearchRound(2, "final") };

        foreach (var round in rounds)
        {
            await Store.RecordSearchRoundAsync(round);
        }

        AssertSameRounds([rounds[1], rounds[2], rounds[0]], await Store.ListSearchRoundsAsync("c1"));
    }

    [Fact]
    public async Task recording_a_round_again_replaces_its_stage_json_and_time_and_leaves_the_others()
    {
        await CreateCampaignAsync();
        await Store.RecordSearchRoundAsync(NewSearchRound(1));
        await Store.RecordSearchRoundAsync(NewSearchRound(2));
        var again = new SearchRoundRecord("c1", 1, "fine", RoundJson, T0.AddDays(1).ToOffset(TimeSpan.FromHours(13)));

        await Store.RecordSearchRoundAsync(again);

        AssertSameRounds([again, NewSearchRound(2)], await Store.ListSearchRoundsAsync("c1"));
    }

    [Fact]
    public async Task search_rounds_are_kept_per_campaign_survive_reopening_and_go_with_their_campaign()
    {
        await CreateCampaignAsync("c1");
        await CreateCampaignAsync("c2");
        await Store.RecordSearchRoundAsync(NewSearchRound(1));
        await Store.RecordSearchRoundAsync(NewSearchRound(1, "fine", RoundJson, campaignId: "c2"));

        await ReopenAsync();

        AssertSameRounds([NewSearchRound(1)], await Store.ListSearchRoundsAsync("c1"));
        AssertSameRounds([NewSearchRound(1, "fine", RoundJson, campaignId: "c2")], await Store.ListSearchRoundsAsync("c2"));
        Assert.True(await Store.DeleteCampaignAsync("c1"));
        Assert.Empty(await Store.ListSearchRoundsAsync("c1"));
        await CreateCampaignAsync("c1");
        Assert.Empty(await Store.ListSearchRoundsAsync("c1"));
        Assert.Single(await Store.ListSearchRoundsAsync("c2"));
    }

    [Fact]
    public async Task a_round_for_an_unknown_campaign_is_refused_naming_the_campaign()
    {
        await CreateCampaignAsync("c1");

        await AssertRefusedAsync("round.CampaignId", () => Store.RecordSearchRoundAsync(NewSearchRound(1, campaignId: "c2")));

        Assert.Empty(await Store.ListSearchRoundsAsync("c2"));
        Assert.Null(await Store.GetCampaignAsync("c2"));
    }

    public static TheoryData<string, SearchRoundRecord?> BadSearchRounds => new()
    {
        { "round", null },
        { "round.CampaignId", NewSearchRound(2) with { CampaignId = null! } },
        { "round.CampaignId", NewSearchRound(2) with { CampaignId = " " } },
        { "round.Round", NewSearchRound(0) },
        { "round.Round", NewSearchRound(-1) },
        { "round.Stage", NewSearchRound(2) with { Stage = null! } },
        { "round.Stage", NewSearchRound(2) with { Stage = "" } },
        { "round.Stage", NewSearchRound(2) with { Stage = "  " } },
        { "round.Json", NewSearchRound(2) with { Json = null! } },
        { "round.Json", NewSearchRound(2) with { Json = "" } },
        { "round.Json", NewSearchRound(2) with { Json = """{"points":[""" } },
        { "round.Json", NewSearchRound(2) with { Json = """{"a":1} {"b":2}""" } },
        { "round.Json", NewSearchRound(2) with { Json = "[1, 2]" } },
        { "round.Json", NewSearchRound(2) with { Json = "null" } },
        { "round.Json", NewSearchRound(2) with { Json = "42" } },
    };

    [Theory]
    [MemberData(nameof(BadSearchRounds))]
    public async Task bad_search_rounds_are_refused_naming_the_field_and_the_kept_ones_stay(string field, SearchRoundRecord? round)
    {
        await CreateCampaignAsync();
        await Store.RecordSearchRoundAsync(NewSearchRound(1));

        await AssertRefusedAsync(field, () => Store.RecordSearchRoundAsync(round!));

        AssertSameRounds([NewSearchRound(1)], await Store.ListSearchRoundsAsync("c1"));
    }

    [Fact]
    public async Task listing_rounds_with_an_empty_campaign_id_is_refused_naming_it()
    {
        await AssertRefusedAsync("campaignId", () => Store.ListSearchRoundsAsync(" "));
    }
}
