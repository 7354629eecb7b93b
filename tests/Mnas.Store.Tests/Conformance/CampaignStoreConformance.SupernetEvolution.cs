using Mnas.Campaigns;

namespace Mnas.Store.Tests.Conformance;

/// <summary>The evolution searched over a trained supernet (BN-NAS): kept once trained, replaced by a later one, refused when bad.</summary>
public abstract partial class CampaignStoreConformance
{
    protected const string Evolution = """{"generations":[{"best":[0,2,1],"score":1.0000000000000002}],"ünïcødé":"✓", "spaced" : [ 1 ]}""";

    protected const string LaterEvolution = """{"generations":[],"best":null}""";

    [Fact]
    public async Task the_evolution_is_kept_only_once_the_supernet_is_trained_and_a_later_one_replaces_it()
    {
        await CreateCampaignAsync();
        Assert.False(await Store.RecordSupernetEvolutionAsync("c1", Evolution, T0));
        Assert.Null(await Store.GetSupernetAsync("c1"));
        await Store.BeginSupernetAttemptAsync("c1", T0);
        await Store.RecordSupernetEpochAsync(NewScoredEpoch(1, rankingDistance: null), StateAfter(1));
        var untrained = await Store.GetSupernetAsync("c1");

        Assert.False(await Store.RecordSupernetEvolutionAsync("c1", Evolution, T0.AddHours(1)));
        AssertSameSupernet(untrained!, await Store.GetSupernetAsync("c1"));
        Assert.Null(untrained!.EvolutionJson);

        await Store.FinishSupernetAsync("c1", 1, Posterior, T0.AddHours(2));
        var trained = await Store.GetSupernetAsync("c1");
        Assert.Null(trained!.EvolutionJson);
        var at = T0.AddHours(3).ToOffset(TimeSpan.FromMinutes(-210));
        Assert.True(await Store.RecordSupernetEvolutionAsync("c1", Evolution, at));
        AssertSameSupernet(trained with { EvolutionJson = Evolution, UpdatedAt = at }, await Store.GetSupernetAsync("c1"));

        var later = T0.AddHours(4).ToOffset(TimeSpan.FromHours(13));
        Assert.True(await Store.RecordSupernetEvolutionAsync("c1", LaterEvolution, later));
        AssertSameSupernet(trained with { EvolutionJson = LaterEvolution, UpdatedAt = later }, await Store.GetSupernetAsync("c1"));
        AssertSameSupernetEpochs([NewScoredEpoch(1, rankingDistance: null)], await Store.ListSupernetEpochsAsync("c1"));
    }

    [Fact]
    public async Task a_kept_evolution_survives_reopening_and_goes_with_its_campaign()
    {
        await CreateCampaignAsync();
        await Store.BeginSupernetAttemptAsync("c1", T0);
        await Store.RecordSupernetEpochAsync(NewSupernetEpoch(1), StateAfter(1));
        await Store.FinishSupernetAsync("c1", 1, Posterior, T0.AddHours(1));
        await Store.RecordSupernetEvolutionAsync("c1", Evolution, T0.AddHours(2));

        await ReopenAsync();

        AssertSameSupernet(new SupernetRecord("c1", 1, 1, StateAfter(1), Posterior, T0.AddHours(2), Evolution), await Store.GetSupernetAsync("c1"));
        Assert.True(await Store.DeleteCampaignAsync("c1"));
        await CreateCampaignAsync("c1");
        AssertSameSupernet(new SupernetRecord("c1", 1, 0, null, null, T0), await Store.BeginSupernetAttemptAsync("c1", T0));
    }

    [Fact]
    public async Task an_evolution_for_an_unknown_campaign_is_refused_naming_the_campaign()
    {
        await CreateCampaignAsync("c1");

        await AssertRefusedAsync("campaignId", () => Store.RecordSupernetEvolutionAsync("c2", Evolution, T0));

        Assert.Null(await Store.GetSupernetAsync("c2"));
        Assert.Null(await Store.GetCampaignAsync("c2"));
    }

    public static TheoryData<string, string, string> BadEvolutions => new()
    {
        { "campaignId", "", Evolution },
        { "campaignId", " ", Evolution },
        { "campaignId", null!, Evolution },
        { "evolutionJson", "c1", null! },
        { "evolutionJson", "c1", "" },
        { "evolutionJson", "c1", " " },
        { "evolutionJson", "c1", """{"generations":[""" },
        { "evolutionJson", "c1", """{"a":1} {"b":2}""" },
        { "evolutionJson", "c1", "[1, 2]" },
        { "evolutionJson", "c1", "null" },
        { "evolutionJson", "c1", "\"evolution\"" },
        { "evolutionJson", "c1", "42" },
    };

    [Theory]
    [MemberData(nameof(BadEvolutions))]
    public async Task bad_evolutions_are_refused_naming_the_field_and_the_kept_one_stays(string field, string campaignId, string evolutionJson)
    {
        await CreateCampaignAsync();
        await Store.BeginSupernetAttemptAsync("c1", T0);
        await Store.RecordSupernetEpochAsync(NewSupernetEpoch(1), StateAfter(1));
        await Store.FinishSupernetAsync("c1", 1, Posterior, T0.AddHours(1));
        await Store.RecordSupernetEvolutionAsync("c1", Evolution, T0.AddHours(2));
        var before = await Store.GetSupernetAsync("c1");

        await AssertRefusedAsync(field, () => Store.RecordSupernetEvolutionAsync(campaignId, evolutionJson, T0.AddHours(3)));

        AssertSameSupernet(before!, await Store.GetSupernetAsync("c1"));
        Assert.Equal(Evolution, before!.EvolutionJson);
    }
}
