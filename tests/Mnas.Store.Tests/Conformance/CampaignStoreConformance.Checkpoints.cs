using Mnas.Campaigns;

namespace Mnas.Store.Tests.Conformance;

public abstract partial class CampaignStoreConformance
{
    protected static ControllerCheckpoint NewCheckpoint(long version, string campaignId = "c1", int stateBytes = 64) =>
        new(campaignId, version, version * 10, Enumerable.Range(0, stateBytes).Select(i => (byte)(i * 31 + version)).ToArray(), T0.AddMinutes(version));

    protected static void AssertSameCheckpoint(ControllerCheckpoint expected, ControllerCheckpoint? actual)
    {
        Assert.NotNull(actual);
        Assert.Equal(expected.State, actual.State);
        Assert.Equal(expected with { State = [] }, actual with { State = [] });
        AssertSameTime(expected.CreatedAt, actual.CreatedAt);
    }

    [Fact]
    public async Task without_a_checkpoint_the_latest_is_null()
    {
        await CreateCampaignAsync();

        Assert.Null(await Store.GetLatestCheckpointAsync("c1"));
        Assert.Null(await Store.GetLatestCheckpointAsync("unknown"));
    }

    [Fact]
    public async Task the_latest_checkpoint_is_the_one_with_the_highest_version()
    {
        await CreateCampaignAsync();
        await Store.SaveCheckpointAsync(NewCheckpoint(0));
        AssertSameCheckpoint(NewCheckpoint(0), await Store.GetLatestCheckpointAsync("c1"));

        await Store.SaveCheckpointAsync(NewCheckpoint(1));
        await Store.SaveCheckpointAsync(NewCheckpoint(5) with { CreatedAt = T0.ToOffset(TimeSpan.FromHours(-3)) });

        AssertSameCheckpoint(NewCheckpoint(5) with { CreatedAt = T0.ToOffset(TimeSpan.FromHours(-3)) }, await Store.GetLatestCheckpointAsync("c1"));
    }

    [Theory]
    [InlineData(4)]
    [InlineData(3)]
    [InlineData(0)]
    public async Task a_checkpoint_version_not_above_the_latest_is_refused(long version)
    {
        await CreateCampaignAsync();
        await Store.SaveCheckpointAsync(NewCheckpoint(2));
        await Store.SaveCheckpointAsync(NewCheckpoint(4));

        var error = await Assert.ThrowsAsync<StaleCheckpointException>(() => Store.SaveCheckpointAsync(NewCheckpoint(version, stateBytes: 3)));

        Assert.Equal((4L, version), (error.LatestVersion, error.AttemptedVersion));
        AssertSameCheckpoint(NewCheckpoint(4), await Store.GetLatestCheckpointAsync("c1"));
    }

    [Fact]
    public async Task checkpoints_of_campaigns_are_kept_apart()
    {
        await CreateCampaignAsync("c1");
        await CreateCampaignAsync("c2");
        await Store.SaveCheckpointAsync(NewCheckpoint(7, "c1"));

        await Store.SaveCheckpointAsync(NewCheckpoint(1, "c2"));

        AssertSameCheckpoint(NewCheckpoint(7, "c1"), await Store.GetLatestCheckpointAsync("c1"));
        AssertSameCheckpoint(NewCheckpoint(1, "c2"), await Store.GetLatestCheckpointAsync("c2"));
    }

    [Fact]
    public async Task large_and_empty_checkpoint_states_round_trip()
    {
        await CreateCampaignAsync();
        var large = new byte[8 << 20];
        new Random(7).NextBytes(large);
        var big = NewCheckpoint(1) with { State = large };

        await Store.SaveCheckpointAsync(big);
        AssertSameCheckpoint(big, await Store.GetLatestCheckpointAsync("c1"));

        await Store.SaveCheckpointAsync(NewCheckpoint(2) with { State = [] });
        Assert.Empty((await Store.GetLatestCheckpointAsync("c1"))!.State);
    }

    [Fact]
    public async Task a_checkpoint_for_an_unknown_campaign_is_refused()
    {
        await CreateCampaignAsync();

        await AssertRefusedAsync("checkpoint.CampaignId", () => Store.SaveCheckpointAsync(NewCheckpoint(1, "nope")));

        Assert.Null(await Store.GetLatestCheckpointAsync("nope"));
    }
}
