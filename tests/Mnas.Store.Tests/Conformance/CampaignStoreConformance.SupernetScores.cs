using Mnas.Campaigns;

namespace Mnas.Store.Tests.Conformance;

/// <summary>A single-path supernet's epochs (BN-NAS): the BN indicator of every candidate and the ranking distance, kept exactly when given.</summary>
public abstract partial class CampaignStoreConformance
{
    /// <summary><see cref="NewSupernetEpoch"/> with a BN indicator per layer (not probabilities: any finite value from 0) and a ranking distance.</summary>
    protected static SupernetEpochRecord NewScoredEpoch(int epoch, double? rankingDistance, string campaignId = "c1") =>
        NewSupernetEpoch(epoch, campaignId: campaignId) with
        {
            Temperature = 0.0,
            ThetaTrained = false,
            Distributions = [[1.0 / 3, 1.0 / 3, 1.0 / 3], [0.5, 0.5]],
            Scores = [[0.1 + 0.2, 1e-300, 0.0], [3.75 * epoch, double.Epsilon]],
            RankingDistance = rankingDistance,
        };

    [Fact]
    public async Task an_epochs_scores_and_ranking_distance_read_back_exactly_and_an_epoch_without_them_reads_back_none()
    {
        await CreateCampaignAsync();
        await Store.BeginSupernetAttemptAsync("c1", T0);
        var first = NewScoredEpoch(1, rankingDistance: null);
        var second = NewScoredEpoch(2, rankingDistance: 1.0 / 3) with { Scores = [[-0.0, 1e300, 123.456], [0.1, 7.0], [2.5]] };
        var third = NewScoredEpoch(3, rankingDistance: 1.0);
        var still = NewScoredEpoch(4, rankingDistance: 0.0);
        var plain = NewSupernetEpoch(5);

        foreach (var (epoch, i) in new[] { first, second, third, still, plain }.Select((e, i) => (e, i + 1)))
        {
            Assert.True(await Store.RecordSupernetEpochAsync(epoch, StateAfter(i)));
        }

        var read = await Store.ListSupernetEpochsAsync("c1");
        AssertSameSupernetEpochs([first, second, third, still, plain], read);
        Assert.Null(read[0].RankingDistance);
        Assert.Null(read[4].Scores);
        Assert.Null(read[4].RankingDistance);
        await ReopenAsync();
        AssertSameSupernetEpochs([first, second, third, still, plain], await Store.ListSupernetEpochsAsync("c1"));
    }

    [Fact]
    public async Task a_ranking_distance_may_come_without_scores_and_scores_without_a_ranking_distance()
    {
        await CreateCampaignAsync();
        await Store.BeginSupernetAttemptAsync("c1", T0);
        var onlyScores = NewScoredEpoch(1, rankingDistance: null);
        var onlyDistance = NewSupernetEpoch(2) with { RankingDistance = 0.125 };

        Assert.True(await Store.RecordSupernetEpochAsync(onlyScores, StateAfter(1)));
        Assert.True(await Store.RecordSupernetEpochAsync(onlyDistance, StateAfter(2)));

        AssertSameSupernetEpochs([onlyScores, onlyDistance], await Store.ListSupernetEpochsAsync("c1"));
    }

    public static TheoryData<string, SupernetEpochRecord> BadScoredEpochs => new()
    {
        { "epoch.Scores", NewScoredEpoch(2, 0.5) with { Scores = [] } },
        { "epoch.Scores[1]", NewScoredEpoch(2, 0.5) with { Scores = [[1.0], []] } },
        { "epoch.Scores[0]", NewScoredEpoch(2, 0.5) with { Scores = [null!, [1.0]] } },
        { "epoch.Scores[0][1]", NewScoredEpoch(2, 0.5) with { Scores = [[0.5, -0.25]] } },
        { "epoch.Scores[1][0]", NewScoredEpoch(2, 0.5) with { Scores = [[1.0], [double.NaN]] } },
        { "epoch.Scores[0][0]", NewScoredEpoch(2, 0.5) with { Scores = [[double.PositiveInfinity]] } },
        { "epoch.Scores[0][2]", NewScoredEpoch(2, 0.5) with { Scores = [[0.0, 1.0, -double.Epsilon]] } },
        { "epoch.RankingDistance", NewScoredEpoch(2, double.NaN) },
        { "epoch.RankingDistance", NewScoredEpoch(2, -0.25) },
        { "epoch.RankingDistance", NewScoredEpoch(2, 1.5) },
        { "epoch.RankingDistance", NewScoredEpoch(2, double.PositiveInfinity) },
        { "epoch.RankingDistance", NewSupernetEpoch(2) with { RankingDistance = 1 + 1e-15 } },
    };

    [Theory]
    [MemberData(nameof(BadScoredEpochs))]
    public async Task bad_scores_and_ranking_distances_are_refused_naming_the_field_and_nothing_is_written(string field, SupernetEpochRecord epoch)
    {
        await CreateCampaignAsync();
        await Store.BeginSupernetAttemptAsync("c1", T0);
        await Store.RecordSupernetEpochAsync(NewScoredEpoch(1, rankingDistance: null), StateAfter(1));
        var before = await Store.GetSupernetAsync("c1");

        await AssertRefusedAsync(field, () => Store.RecordSupernetEpochAsync(epoch, StateAfter(2)));

        AssertSameSupernet(before!, await Store.GetSupernetAsync("c1"));
        AssertSameSupernetEpochs([NewScoredEpoch(1, rankingDistance: null)], await Store.ListSupernetEpochsAsync("c1"));
        Assert.True(await Store.RecordSupernetEpochAsync(NewScoredEpoch(2, 0.5), StateAfter(2)));
    }
}
