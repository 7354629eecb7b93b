using Mnas.Campaigns;

namespace Mnas.Store.Tests.Conformance;

/// <summary>A differentiable campaign's supernet: its attempts, its training finished once, and what goes with its campaign.</summary>
public abstract partial class CampaignStoreConformance
{
    private static readonly IReadOnlyList<double>[] NoLayers = [];

    protected const string Posterior = """{"layers":[{"k3_e1":0.75,"skip":0.25}],"ünïcødé":"✓"}""";

    /// <summary>An epoch of the first attempt: numbers that are not round in binary, θ trained after the first epoch, no width or resolution search.</summary>
    protected static SupernetEpochRecord NewSupernetEpoch(int epoch, int attempt = 1, string campaignId = "c1") =>
        new(
            campaignId,
            epoch,
            attempt,
            5.0 * Math.Pow(0.956, epoch),
            2.5 / epoch,
            2.25 / (epoch + 0.1),
            epoch > 1,
            21.75 + epoch / 3.0,
            [[0.125, 0.375, 0.5], [1.0 / 3, 2.0 / 3, 0.0]],
            null,
            null,
            60.5 + epoch / 7.0,
            T0.AddMinutes(epoch));

    /// <summary>The search state after <paramref name="epoch"/>: bytes of every value, different for each epoch.</summary>
    protected static byte[] StateAfter(int epoch) => [(byte)epoch, 0, 255, 128, .. Enumerable.Range(0, 300).Select(i => (byte)(i * epoch))];

    protected static void AssertSameSupernet(SupernetRecord expected, SupernetRecord? actual)
    {
        Assert.NotNull(actual);
        Assert.Equal(expected.State, actual.State);
        Assert.Equal(expected with { State = null }, actual with { State = null });
        AssertSameTime(expected.UpdatedAt, actual.UpdatedAt);
    }

    /// <summary>Field-for-field equality: doubles bit for bit, distributions and scores element by element, times with their offsets.</summary>
    protected static void AssertSameSupernetEpoch(SupernetEpochRecord expected, SupernetEpochRecord? actual)
    {
        Assert.NotNull(actual);
        Assert.Equal(
            expected with { Distributions = NoLayers, WidthDistributions = null, ResolutionDistribution = null, Scores = null, RankingDistance = null },
            actual with { Distributions = NoLayers, WidthDistributions = null, ResolutionDistribution = null, Scores = null, RankingDistance = null });
        AssertSameBits(expected.Temperature, actual.Temperature);
        AssertSameBits(expected.Loss, actual.Loss);
        AssertSameBits(expected.CrossEntropy, actual.CrossEntropy);
        AssertSameBits(expected.ExpectedLatencyMs, actual.ExpectedLatencyMs);
        AssertSameBits(expected.Seconds, actual.Seconds);
        AssertSameLayers(expected.Distributions, actual.Distributions);
        Assert.Equal(expected.WidthDistributions is null, actual.WidthDistributions is null);
        if (expected.WidthDistributions is { } widths)
        {
            AssertSameLayers(widths, actual.WidthDistributions!);
        }

        Assert.Equal(expected.ResolutionDistribution is null, actual.ResolutionDistribution is null);
        if (expected.ResolutionDistribution is { } resolutions)
        {
            Assert.Equal(resolutions.Select(BitConverter.DoubleToInt64Bits), actual.ResolutionDistribution!.Select(BitConverter.DoubleToInt64Bits));
        }

        Assert.Equal(expected.Scores is null, actual.Scores is null);
        if (expected.Scores is { } scores)
        {
            AssertSameLayers(scores, actual.Scores!);
        }

        AssertSameBits(expected.RankingDistance, actual.RankingDistance);
        AssertSameTime(expected.At, actual.At);
    }

    protected static void AssertSameSupernetEpochs(IReadOnlyList<SupernetEpochRecord> expected, IReadOnlyList<SupernetEpochRecord> actual)
    {
        Assert.Equal(expected.Count, actual.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            AssertSameSupernetEpoch(expected[i], actual[i]);
        }
    }

    private static void AssertSameLayers(IReadOnlyList<IReadOnlyList<double>> expected, IReadOnlyList<IReadOnlyList<double>> actual)
    {
        Assert.Equal(expected.Count, actual.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            Assert.Equal(expected[i].Select(BitConverter.DoubleToInt64Bits), actual[i].Select(BitConverter.DoubleToInt64Bits));
        }
    }

    [Fact]
    public async Task a_campaign_has_no_supernet_until_an_attempt_begins_and_the_first_is_attempt_1()
    {
        await CreateCampaignAsync();
        Assert.Null(await Store.GetSupernetAsync("c1"));
        var at = T0.ToOffset(TimeSpan.FromHours(-3.5));

        var begun = await Store.BeginSupernetAttemptAsync("c1", at);

        var expected = new SupernetRecord("c1", 1, 0, null, null, at);
        AssertSameSupernet(expected, begun);
        AssertSameSupernet(expected, await Store.GetSupernetAsync("c1"));
        Assert.False(begun.Trained);
        Assert.Empty(await Store.ListSupernetEpochsAsync("c1"));
    }

    [Fact]
    public async Task beginning_again_adds_an_attempt_keeping_the_epochs_and_state_and_the_next_attempt_goes_on_from_them()
    {
        await CreateCampaignAsync();
        await Store.BeginSupernetAttemptAsync("c1", T0);
        await Store.RecordSupernetEpochAsync(NewSupernetEpoch(1), StateAfter(1));
        await Store.RecordSupernetEpochAsync(NewSupernetEpoch(2), StateAfter(2));
        var at = T0.AddHours(1).ToOffset(TimeSpan.FromHours(9));

        var second = await Store.BeginSupernetAttemptAsync("c1", at);

        AssertSameSupernet(new SupernetRecord("c1", 2, 2, StateAfter(2), null, at), second);
        Assert.False(await Store.RecordSupernetEpochAsync(NewSupernetEpoch(3, attempt: 1), StateAfter(3)));
        Assert.True(await Store.RecordSupernetEpochAsync(NewSupernetEpoch(3, attempt: 2), StateAfter(3)));
        AssertSameSupernetEpochs(
            [NewSupernetEpoch(1), NewSupernetEpoch(2), NewSupernetEpoch(3, attempt: 2)],
            await Store.ListSupernetEpochsAsync("c1"));
        Assert.Equal(3, (await Store.BeginSupernetAttemptAsync("c1", at)).Attempts);
    }

    [Fact]
    public async Task finishing_marks_the_supernet_trained_with_its_posterior_for_the_current_attempt_only_and_once()
    {
        await CreateCampaignAsync();
        await Store.BeginSupernetAttemptAsync("c1", T0);
        await Store.RecordSupernetEpochAsync(NewSupernetEpoch(1), StateAfter(1));
        await Store.BeginSupernetAttemptAsync("c1", T0);
        await Store.RecordSupernetEpochAsync(NewSupernetEpoch(2, attempt: 2), StateAfter(2));
        var at = T0.AddHours(2).ToOffset(TimeSpan.FromMinutes(-150));

        Assert.False(await Store.FinishSupernetAsync("c1", 1, """{"late":true}""", T0.AddDays(1)));
        Assert.False(await Store.FinishSupernetAsync("c1", 3, """{"early":true}""", T0.AddDays(1)));
        AssertSameSupernet(new SupernetRecord("c1", 2, 2, StateAfter(2), null, NewSupernetEpoch(2).At), await Store.GetSupernetAsync("c1"));
        Assert.True(await Store.FinishSupernetAsync("c1", 2, Posterior, at));
        Assert.False(await Store.FinishSupernetAsync("c1", 2, """{"again":true}""", T0.AddDays(1)));

        var trained = await Store.GetSupernetAsync("c1");
        AssertSameSupernet(new SupernetRecord("c1", 2, 2, StateAfter(2), Posterior, at), trained);
        Assert.True(trained!.Trained);
    }

    [Fact]
    public async Task a_trained_supernet_takes_no_further_attempt_nor_epoch()
    {
        await CreateCampaignAsync();
        await Store.BeginSupernetAttemptAsync("c1", T0);
        await Store.RecordSupernetEpochAsync(NewSupernetEpoch(1), StateAfter(1));
        await Store.FinishSupernetAsync("c1", 1, Posterior, T0.AddHours(1));
        var trained = await Store.GetSupernetAsync("c1");

        await Assert.ThrowsAsync<InvalidOperationException>(() => Store.BeginSupernetAttemptAsync("c1", T0.AddDays(1)));
        Assert.False(await Store.RecordSupernetEpochAsync(NewSupernetEpoch(2), StateAfter(2)));

        AssertSameSupernet(trained!, await Store.GetSupernetAsync("c1"));
        AssertSameSupernetEpochs([NewSupernetEpoch(1)], await Store.ListSupernetEpochsAsync("c1"));
    }

    [Fact]
    public async Task attempts_begun_at_once_are_each_counted_and_each_gets_its_own_number()
    {
        await CreateCampaignAsync();

        var begun = await RunTogetherAsync(6, _ => Store.BeginSupernetAttemptAsync("c1", T0));

        Assert.Equal(Enumerable.Range(1, 6), begun.Select(s => s.Attempts).Order());
        Assert.Equal(6, (await Store.GetSupernetAsync("c1"))!.Attempts);
    }

    [Fact]
    public async Task deleting_a_campaign_removes_its_supernet_and_epochs_and_leaves_the_others()
    {
        foreach (var id in new[] { "c1", "c2" })
        {
            await CreateCampaignAsync(id);
            await Store.BeginSupernetAttemptAsync(id, T0);
            await Store.RecordSupernetEpochAsync(NewSupernetEpoch(1, campaignId: id), StateAfter(1));
            await Store.RecordSupernetEpochAsync(NewSupernetEpoch(2, campaignId: id), StateAfter(2));
        }

        Assert.True(await Store.DeleteCampaignAsync("c1"));

        Assert.Null(await Store.GetSupernetAsync("c1"));
        Assert.Empty(await Store.ListSupernetEpochsAsync("c1"));
        Assert.Equal(2, (await Store.GetSupernetAsync("c2"))!.EpochsDone);
        Assert.Equal(2, (await Store.ListSupernetEpochsAsync("c2")).Count);
        await CreateCampaignAsync("c1");
        AssertSameSupernet(new SupernetRecord("c1", 1, 0, null, null, T0), await Store.BeginSupernetAttemptAsync("c1", T0));
        Assert.True(await Store.RecordSupernetEpochAsync(NewSupernetEpoch(1), StateAfter(1)));
    }

    [Fact]
    public async Task an_unknown_campaign_has_no_supernet_and_writes_to_it_are_refused_naming_the_campaign()
    {
        await CreateCampaignAsync("c1");

        Assert.Null(await Store.GetSupernetAsync("c2"));
        Assert.Empty(await Store.ListSupernetEpochsAsync("c2"));
        await AssertRefusedAsync("campaignId", () => Store.BeginSupernetAttemptAsync("c2", T0));
        await AssertRefusedAsync("epoch.CampaignId", () => Store.RecordSupernetEpochAsync(NewSupernetEpoch(1, campaignId: "c2"), StateAfter(1)));
        await AssertRefusedAsync("campaignId", () => Store.FinishSupernetAsync("c2", 1, Posterior, T0));

        Assert.Null(await Store.GetSupernetAsync("c2"));
        Assert.Null(await Store.GetSupernetAsync("c1"));
        Assert.Null(await Store.GetCampaignAsync("c2"));
    }

    [Fact]
    public async Task a_supernet_not_begun_takes_no_epoch_and_cannot_finish()
    {
        await CreateCampaignAsync();

        Assert.False(await Store.RecordSupernetEpochAsync(NewSupernetEpoch(1), StateAfter(1)));
        Assert.False(await Store.FinishSupernetAsync("c1", 1, Posterior, T0));

        Assert.Null(await Store.GetSupernetAsync("c1"));
        Assert.Empty(await Store.ListSupernetEpochsAsync("c1"));
    }

    public static TheoryData<string, string, int, string> BadFinishes => new()
    {
        { "campaignId", "", 1, Posterior },
        { "campaignId", " ", 1, Posterior },
        { "attempt", "c1", 0, Posterior },
        { "attempt", "c1", -1, Posterior },
        { "posteriorJson", "c1", 1, null! },
        { "posteriorJson", "c1", 1, " " },
        { "posteriorJson", "c1", 1, """{"layers":[""" },
    };

    [Theory]
    [MemberData(nameof(BadFinishes))]
    public async Task bad_finishes_are_refused_naming_the_field_and_nothing_is_written(string field, string campaignId, int attempt, string posteriorJson)
    {
        await CreateCampaignAsync();
        var begun = await Store.BeginSupernetAttemptAsync("c1", T0);

        await AssertRefusedAsync(field, () => Store.FinishSupernetAsync(campaignId, attempt, posteriorJson, T0.AddHours(1)));

        AssertSameSupernet(begun, await Store.GetSupernetAsync("c1"));
    }

    [Fact]
    public async Task bad_ids_in_supernet_reads_and_beginnings_are_refused_naming_the_field()
    {
        await AssertRefusedAsync("campaignId", () => Store.GetSupernetAsync(""));
        await AssertRefusedAsync("campaignId", () => Store.ListSupernetEpochsAsync(" "));
        await AssertRefusedAsync("campaignId", () => Store.BeginSupernetAttemptAsync(null!, T0));
    }

    [Fact]
    public async Task a_supernet_and_its_epochs_survive_reopening()
    {
        await CreateCampaignAsync();
        await Store.BeginSupernetAttemptAsync("c1", T0);
        await Store.RecordSupernetEpochAsync(NewSupernetEpoch(1), StateAfter(1));
        await Store.FinishSupernetAsync("c1", 1, Posterior, T0.AddHours(1));

        await ReopenAsync();

        AssertSameSupernet(new SupernetRecord("c1", 1, 1, StateAfter(1), Posterior, T0.AddHours(1)), await Store.GetSupernetAsync("c1"));
        AssertSameSupernetEpochs([NewSupernetEpoch(1)], await Store.ListSupernetEpochsAsync("c1"));
    }
}
