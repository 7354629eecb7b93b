using Mnas.Campaigns;

namespace Mnas.Store.Tests.Conformance;

/// <summary>The controller's update history and the children's training curves.</summary>
public abstract partial class CampaignStoreConformance
{
    protected static ControllerUpdateRecord NewUpdate(long version, string campaignId = "c1") =>
        new(campaignId, version, T0.AddMinutes(version), 8, 0.5 + version / 100.0, 0.45, 1.25 - version / 1000.0);

    [Fact]
    public async Task controller_updates_round_trip_field_for_field_in_version_order()
    {
        await CreateCampaignAsync("c1");
        await CreateCampaignAsync("c2");
        var at = T0.ToOffset(TimeSpan.FromHours(-3.5));

        Assert.True(await Store.AppendControllerUpdateAsync(NewUpdate(2)));
        Assert.True(await Store.AppendControllerUpdateAsync(NewUpdate(1) with { At = at, MeanReward = -0.0 }));
        Assert.True(await Store.AppendControllerUpdateAsync(NewUpdate(1, "c2")));
        var updates = await Store.ListControllerUpdatesAsync("c1");

        Assert.Equal([NewUpdate(1) with { At = at, MeanReward = -0.0 }, NewUpdate(2)], updates);
        AssertSameTime(at, updates[0].At);
        AssertSameBits(-0.0, updates[0].MeanReward);
        Assert.Single(await Store.ListControllerUpdatesAsync("c2"));
        Assert.Empty(await Store.ListControllerUpdatesAsync("no-such-campaign"));
    }

    [Fact]
    public async Task a_controller_update_of_a_version_already_recorded_changes_nothing()
    {
        await CreateCampaignAsync();
        await Store.AppendControllerUpdateAsync(NewUpdate(1));

        var again = await Store.AppendControllerUpdateAsync(NewUpdate(1) with { MeanReward = 0.99 });

        Assert.False(again);
        Assert.Equal([NewUpdate(1)], await Store.ListControllerUpdatesAsync("c1"));
    }

    [Fact]
    public async Task a_childs_curve_round_trips_and_a_later_one_replaces_it()
    {
        await CreateCampaignAsync();
        await Store.AddChildAsync(NewChild(1));
        await Store.AddChildAsync(NewChild(2));
        ChildEpoch[] first = [new(1, 2.25, 0.125), new(2, 1.5, 0.5), new(3, 0.75, 0.875)];
        ChildEpoch[] second = [new(1, 2.0, 0.25)];

        await Store.SaveChildCurveAsync("c1", 1, first);
        Assert.Equal(first, await Store.GetChildCurveAsync("c1", 1));
        await Store.SaveChildCurveAsync("c1", 1, second);

        Assert.Equal(second, await Store.GetChildCurveAsync("c1", 1));
        Assert.Empty(await Store.GetChildCurveAsync("c1", 2));
        Assert.Empty(await Store.GetChildCurveAsync("c1", 99));
    }

    [Fact]
    public async Task history_and_curves_survive_reopening()
    {
        await CreateCampaignAsync();
        await Store.AddChildAsync(NewChild(1));
        await Store.AppendControllerUpdateAsync(NewUpdate(1));
        await Store.SaveChildCurveAsync("c1", 1, [new(1, 1.0, 0.5)]);

        await ReopenAsync();

        Assert.Equal([NewUpdate(1)], await Store.ListControllerUpdatesAsync("c1"));
        Assert.Equal([new ChildEpoch(1, 1.0, 0.5)], await Store.GetChildCurveAsync("c1", 1));
    }

    public static TheoryData<string, ControllerUpdateRecord?> BadControllerUpdates => new()
    {
        { "update", null },
        { "update.CampaignId", NewUpdate(1) with { CampaignId = " " } },
        { "update.CampaignId", NewUpdate(1) with { CampaignId = "no-such-campaign" } },
        { "update.Version", NewUpdate(0) },
        { "update.Children", NewUpdate(1) with { Children = 0 } },
        { "update.MeanReward", NewUpdate(1) with { MeanReward = double.NaN } },
        { "update.Baseline", NewUpdate(1) with { Baseline = double.PositiveInfinity } },
        { "update.Entropy", NewUpdate(1) with { Entropy = -0.5 } },
    };

    [Theory]
    [MemberData(nameof(BadControllerUpdates))]
    public async Task bad_controller_updates_are_refused_naming_the_field_and_nothing_is_written(string field, ControllerUpdateRecord? update)
    {
        await CreateCampaignAsync();

        await AssertRefusedAsync(field, () => Store.AppendControllerUpdateAsync(update!));

        Assert.Empty(await Store.ListControllerUpdatesAsync("c1"));
    }

    public static TheoryData<string, string, long, ChildEpoch[]?> BadCurves => new()
    {
        { "campaignId", "", 1, [] },
        { "campaignId", "no-such-campaign", 1, [] },
        { "sequence", "c1", 0, [] },
        { "sequence", "c1", 7, [new(1, 1, 0.5)] },
        { "curve", "c1", 1, null },
        { "curve[0].Epoch", "c1", 1, [new(0, 1, 0.5)] },
        { "curve[1].Epoch", "c1", 1, [new(1, 1, 0.5), new(3, 1, 0.5)] },
        { "curve[0].TrainLoss", "c1", 1, [new(1, double.NaN, 0.5)] },
        { "curve[0].ValidationAccuracy", "c1", 1, [new(1, 1, double.NegativeInfinity)] },
    };

    [Theory]
    [MemberData(nameof(BadCurves))]
    public async Task bad_curves_are_refused_naming_the_field_and_nothing_is_written(string field, string campaignId, long sequence, ChildEpoch[]? curve)
    {
        await CreateCampaignAsync();
        await Store.AddChildAsync(NewChild(1));
        await Store.SaveChildCurveAsync("c1", 1, [new(1, 3, 0.25)]);

        await AssertRefusedAsync(field, () => Store.SaveChildCurveAsync(campaignId, sequence, curve!));

        Assert.Equal([new ChildEpoch(1, 3, 0.25)], await Store.GetChildCurveAsync("c1", 1));
    }

    [Fact]
    public async Task bad_ids_in_history_reads_are_refused_naming_the_field()
    {
        await AssertRefusedAsync("campaignId", () => Store.ListControllerUpdatesAsync(""));
        await AssertRefusedAsync("campaignId", () => Store.GetChildCurveAsync(" ", 1));
        await AssertRefusedAsync("sequence", () => Store.GetChildCurveAsync("c1", 0));
    }
}
