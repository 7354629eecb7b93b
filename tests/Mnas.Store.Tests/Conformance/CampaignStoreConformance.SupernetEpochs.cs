using Mnas.Campaigns;

namespace Mnas.Store.Tests.Conformance;

/// <summary>A supernet's epochs: accepted in order for the current attempt only, each replacing the state, kept exactly.</summary>
public abstract partial class CampaignStoreConformance
{
    [Fact]
    public async Task epochs_are_accepted_only_in_order_and_a_repeated_or_skipped_one_changes_nothing()
    {
        await CreateCampaignAsync();
        await Store.BeginSupernetAttemptAsync("c1", T0);

        Assert.False(await Store.RecordSupernetEpochAsync(NewSupernetEpoch(2), StateAfter(2)));
        Assert.True(await Store.RecordSupernetEpochAsync(NewSupernetEpoch(1), StateAfter(1)));
        Assert.False(await Store.RecordSupernetEpochAsync(NewSupernetEpoch(1) with { Loss = 9.5 }, StateAfter(9)));
        Assert.False(await Store.RecordSupernetEpochAsync(NewSupernetEpoch(3), StateAfter(3)));

        AssertSameSupernet(new SupernetRecord("c1", 1, 1, StateAfter(1), null, NewSupernetEpoch(1).At), await Store.GetSupernetAsync("c1"));
        AssertSameSupernetEpochs([NewSupernetEpoch(1)], await Store.ListSupernetEpochsAsync("c1"));
        Assert.True(await Store.RecordSupernetEpochAsync(NewSupernetEpoch(2), StateAfter(2)));
        Assert.Equal(2, (await Store.GetSupernetAsync("c1"))!.EpochsDone);
    }

    [Fact]
    public async Task an_epoch_of_an_attempt_that_is_not_the_current_one_changes_nothing()
    {
        await CreateCampaignAsync();
        await Store.BeginSupernetAttemptAsync("c1", T0);
        await Store.RecordSupernetEpochAsync(NewSupernetEpoch(1), StateAfter(1));
        var current = await Store.BeginSupernetAttemptAsync("c1", T0.AddMinutes(30));

        Assert.False(await Store.RecordSupernetEpochAsync(NewSupernetEpoch(2, attempt: 1), StateAfter(2)));
        Assert.False(await Store.RecordSupernetEpochAsync(NewSupernetEpoch(2, attempt: 3), StateAfter(2)));

        AssertSameSupernet(current, await Store.GetSupernetAsync("c1"));
        AssertSameSupernetEpochs([NewSupernetEpoch(1)], await Store.ListSupernetEpochsAsync("c1"));
    }

    [Fact]
    public async Task each_epoch_replaces_the_state_and_moves_the_supernet_on_to_its_time()
    {
        await CreateCampaignAsync();
        await Store.BeginSupernetAttemptAsync("c1", T0);

        for (var epoch = 1; epoch <= 3; epoch++)
        {
            Assert.True(await Store.RecordSupernetEpochAsync(NewSupernetEpoch(epoch), StateAfter(epoch)));
            AssertSameSupernet(new SupernetRecord("c1", 1, epoch, StateAfter(epoch), null, NewSupernetEpoch(epoch).At), await Store.GetSupernetAsync("c1"));
        }

        Assert.True(await Store.RecordSupernetEpochAsync(NewSupernetEpoch(4), [7]));
        Assert.Equal([7], (await Store.GetSupernetAsync("c1"))!.State);
    }

    [Fact]
    public async Task epochs_round_trip_field_for_field_in_epoch_order()
    {
        await CreateCampaignAsync("c1");
        await CreateCampaignAsync("c2");
        await Store.BeginSupernetAttemptAsync("c1", T0);
        await Store.BeginSupernetAttemptAsync("c2", T0);
        var searched = NewSupernetEpoch(1) with
        {
            Temperature = 5.0,
            Loss = -0.0,
            CrossEntropy = double.Epsilon,
            ThetaTrained = false,
            ExpectedLatencyMs = 1e-300,
            Distributions = [[0.1 + 0.2, 1 - (0.1 + 0.2)], [1.0], [-0.0, double.Epsilon, 1 - double.Epsilon]],
            WidthDistributions = [[0.25, 0.75], [1.0 / 7, 6.0 / 7], [0.5, 0.5]],
            ResolutionDistribution = [1.0 / 3, 1.0 / 3, 1.0 / 3],
            Seconds = 0.0,
            At = T0.ToOffset(TimeSpan.FromHours(-3.5)).AddTicks(1),
        };
        var plain = NewSupernetEpoch(2) with { ThetaTrained = true, At = T0.ToOffset(TimeSpan.FromHours(14)) };
        var onlyResolutions = NewSupernetEpoch(3) with { ResolutionDistribution = [0.5, 0.5] };

        Assert.True(await Store.RecordSupernetEpochAsync(searched, StateAfter(1)));
        Assert.True(await Store.RecordSupernetEpochAsync(plain, StateAfter(2)));
        Assert.True(await Store.RecordSupernetEpochAsync(onlyResolutions, StateAfter(3)));
        Assert.True(await Store.RecordSupernetEpochAsync(NewSupernetEpoch(1, campaignId: "c2"), StateAfter(1)));

        AssertSameSupernetEpochs([searched, plain, onlyResolutions], await Store.ListSupernetEpochsAsync("c1"));
        AssertSameSupernetEpochs([NewSupernetEpoch(1, campaignId: "c2")], await Store.ListSupernetEpochsAsync("c2"));
    }

    [Fact]
    public async Task reports_of_one_epoch_at_once_are_accepted_once()
    {
        await CreateCampaignAsync();
        await Store.BeginSupernetAttemptAsync("c1", T0);

        var accepted = await RunTogetherAsync(8, i => Store.RecordSupernetEpochAsync(NewSupernetEpoch(1) with { Seconds = i }, StateAfter(i + 1)));

        var winner = Assert.Single(Enumerable.Range(0, 8), i => accepted[i]);
        Assert.Equal(StateAfter(winner + 1), (await Store.GetSupernetAsync("c1"))!.State);
        AssertSameSupernetEpochs([NewSupernetEpoch(1) with { Seconds = winner }], await Store.ListSupernetEpochsAsync("c1"));
    }

    public static TheoryData<string, SupernetEpochRecord?, byte[]?> BadSupernetEpochs => new()
    {
        { "epoch", null, [1] },
        { "epoch.CampaignId", NewSupernetEpoch(2) with { CampaignId = " " }, [1] },
        { "epoch.CampaignId", NewSupernetEpoch(2) with { CampaignId = "no-such-campaign" }, [1] },
        { "epoch.Epoch", NewSupernetEpoch(0), [1] },
        { "epoch.Epoch", NewSupernetEpoch(-2), [1] },
        { "epoch.Attempt", NewSupernetEpoch(2, attempt: 0), [1] },
        { "epoch.Temperature", NewSupernetEpoch(2) with { Temperature = double.NaN }, [1] },
        { "epoch.Loss", NewSupernetEpoch(2) with { Loss = double.PositiveInfinity }, [1] },
        { "epoch.CrossEntropy", NewSupernetEpoch(2) with { CrossEntropy = double.NaN }, [1] },
        { "epoch.ExpectedLatencyMs", NewSupernetEpoch(2) with { ExpectedLatencyMs = double.NegativeInfinity }, [1] },
        { "epoch.Seconds", NewSupernetEpoch(2) with { Seconds = double.NaN }, [1] },
        { "epoch.Distributions", NewSupernetEpoch(2) with { Distributions = null! }, [1] },
        { "epoch.Distributions", NewSupernetEpoch(2) with { Distributions = [] }, [1] },
        { "epoch.Distributions[1]", NewSupernetEpoch(2) with { Distributions = [[1.0], []] }, [1] },
        { "epoch.Distributions[0][1]", NewSupernetEpoch(2) with { Distributions = [[0.5, 1.5]] }, [1] },
        { "epoch.Distributions[0][0]", NewSupernetEpoch(2) with { Distributions = [[-0.25, 1.0]] }, [1] },
        { "epoch.Distributions[1][0]", NewSupernetEpoch(2) with { Distributions = [[1.0], [double.NaN]] }, [1] },
        { "epoch.WidthDistributions", NewSupernetEpoch(2) with { WidthDistributions = [] }, [1] },
        { "epoch.WidthDistributions[0][0]", NewSupernetEpoch(2) with { WidthDistributions = [[2.0]] }, [1] },
        { "epoch.ResolutionDistribution", NewSupernetEpoch(2) with { ResolutionDistribution = [] }, [1] },
        { "epoch.ResolutionDistribution[1]", NewSupernetEpoch(2) with { ResolutionDistribution = [0.5, double.PositiveInfinity] }, [1] },
        { "state", NewSupernetEpoch(2), null },
        { "state", NewSupernetEpoch(2), [] },
    };

    [Theory]
    [MemberData(nameof(BadSupernetEpochs))]
    public async Task bad_supernet_epochs_are_refused_naming_the_field_and_nothing_is_written(string field, SupernetEpochRecord? epoch, byte[]? state)
    {
        await CreateCampaignAsync();
        await Store.BeginSupernetAttemptAsync("c1", T0);
        await Store.RecordSupernetEpochAsync(NewSupernetEpoch(1), StateAfter(1));
        var before = await Store.GetSupernetAsync("c1");

        await AssertRefusedAsync(field, () => Store.RecordSupernetEpochAsync(epoch!, state!));

        AssertSameSupernet(before!, await Store.GetSupernetAsync("c1"));
        AssertSameSupernetEpochs([NewSupernetEpoch(1)], await Store.ListSupernetEpochsAsync("c1"));
    }
}
