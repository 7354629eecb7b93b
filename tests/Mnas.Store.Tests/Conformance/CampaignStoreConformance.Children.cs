using Mnas.Campaigns;

namespace Mnas.Store.Tests.Conformance;

public abstract partial class CampaignStoreConformance
{
    [Fact]
    public async Task an_added_child_reads_back_field_for_field()
    {
        await CreateCampaignAsync();
        var child = NewChild(1) with { UpdatedAt = T0.ToOffset(TimeSpan.FromMinutes(345)) };

        var added = await Store.AddChildAsync(child);
        var stored = await Store.GetChildAsync("c1", 1);

        AssertSameChild(child, added);
        AssertSameChild(child, stored);
        Assert.Null(stored!.Metrics);
        Assert.Null(stored.Reward);
        Assert.Null(stored.FailureReason);
    }

    [Fact]
    public async Task a_child_with_metrics_reward_and_failure_reason_round_trips_every_field()
    {
        await CreateCampaignAsync();
        var child = Done(NewChild(3)) with
        {
            Attempts = 2,
            PolicyVersion = long.MaxValue,
            FailureReason = "first attempt: worker lost — ✗",
            Metrics = new ChildMetrics(0.912345678901234, 7.0625, long.MaxValue, 0, 1L << 40, 1e-9),
        };

        await Store.AddChildAsync(child);

        AssertSameChild(child, await Store.GetChildAsync("c1", 3));
    }

    [Theory]
    [InlineData(0.1 + 0.2)]
    [InlineData(-0.0)]
    [InlineData(double.Epsilon)]
    [InlineData(double.MaxValue)]
    [InlineData(-double.MaxValue)]
    [InlineData(1.0)]
    [InlineData(2.2250738585072014E-308)]
    [InlineData(-123456.78901234567)]
    public async Task doubles_round_trip_bit_for_bit(double value)
    {
        await CreateCampaignAsync();
        var child = NewChild(1) with
        {
            LogProbability = value,
            Status = ChildStatus.Done,
            Metrics = new ChildMetrics(value, value, 1, 2, 3, value),
            Reward = value,
        };

        await Store.AddChildAsync(child);

        AssertSameChild(child, await Store.GetChildAsync("c1", 1));
    }

    [Fact]
    public async Task tokens_round_trip_empty_long_and_extreme()
    {
        await CreateCampaignAsync();
        int[] extreme = [int.MinValue, -1, 0, int.MaxValue];
        var long_ = Enumerable.Range(0, 500).Select(i => i * 37 % 11).ToArray();

        await Store.AddChildrenAsync([NewChild(1) with { Tokens = [] }, NewChild(2) with { Tokens = extreme }, NewChild(3) with { Tokens = long_ }]);

        Assert.Empty((await Store.GetChildAsync("c1", 1))!.Tokens);
        Assert.Equal(extreme, (await Store.GetChildAsync("c1", 2))!.Tokens);
        Assert.Equal(long_, (await Store.GetChildAsync("c1", 3))!.Tokens);
    }

    [Fact]
    public async Task an_unknown_child_reads_as_null()
    {
        await CreateCampaignAsync();
        await Store.AddChildAsync(NewChild(1));

        Assert.Null(await Store.GetChildAsync("c1", 2));
        Assert.Null(await Store.GetChildAsync("other", 1));
    }

    [Fact]
    public async Task adding_the_same_sequence_with_the_same_architecture_returns_the_stored_child()
    {
        await CreateCampaignAsync();
        var child = NewChild(1);
        await Store.AddChildAsync(child);
        var queued = await Store.UpdateChildAsync(child with { Status = ChildStatus.Queued, UpdatedAt = T0.AddHours(1) });

        var again = await Store.AddChildAsync(child with { LogProbability = -9, UpdatedAt = T0.AddDays(1) });

        AssertSameChild(queued, again);
        AssertSameChild(queued, await Store.GetChildAsync("c1", 1));
        Assert.Single(await Store.ListChildrenAsync("c1"));
    }

    [Fact]
    public async Task adding_the_same_sequence_with_another_architecture_is_refused()
    {
        await CreateCampaignAsync();
        var child = NewChild(1, architecture: "a");
        await Store.AddChildAsync(child);

        var error = await Assert.ThrowsAsync<ChildConflictException>(() => Store.AddChildAsync(NewChild(1, architecture: "b")));

        Assert.Equal(("c1", 1L, "a", "b"), (error.CampaignId, error.Sequence, error.StoredArchitecture, error.AttemptedArchitecture));
        AssertSameChild(child, await Store.GetChildAsync("c1", 1));
    }

    [Fact]
    public async Task the_same_sequence_in_two_campaigns_is_two_children()
    {
        await CreateCampaignAsync("c1");
        await CreateCampaignAsync("c2");

        await Store.AddChildAsync(NewChild(1, "c1", "a"));
        await Store.AddChildAsync(NewChild(1, "c2", "b"));

        Assert.Equal("a", (await Store.GetChildAsync("c1", 1))!.Architecture);
        Assert.Equal("b", (await Store.GetChildAsync("c2", 1))!.Architecture);
    }

    [Fact]
    public async Task children_are_listed_by_sequence_whatever_the_order_they_were_added()
    {
        await CreateCampaignAsync();
        foreach (var sequence in new long[] { 5, 1, 12, 3, 2 })
        {
            await Store.AddChildAsync(NewChild(sequence));
        }

        var listed = await Store.ListChildrenAsync("c1");

        Assert.Equal([1L, 2, 3, 5, 12], listed.Select(c => c.Sequence));
        AssertSameChild(NewChild(12), listed[^1]);
    }

    [Fact]
    public async Task children_are_listed_by_status_in_sequence_order()
    {
        await CreateCampaignAsync();
        await AddInStatusAsync(NewChild(1), ChildStatus.Done);
        await AddInStatusAsync(NewChild(2), ChildStatus.Training);
        await AddInStatusAsync(NewChild(3), ChildStatus.Done);
        await AddInStatusAsync(NewChild(4), ChildStatus.Failed);

        Assert.Equal([1L, 3], (await Store.ListChildrenAsync("c1", ChildStatus.Done)).Select(c => c.Sequence));
        Assert.Equal([2L], (await Store.ListChildrenAsync("c1", ChildStatus.Training)).Select(c => c.Sequence));
        Assert.Empty(await Store.ListChildrenAsync("c1", ChildStatus.Queued));
        Assert.Equal(4, (await Store.ListChildrenAsync("c1")).Count);
    }

    [Fact]
    public async Task children_of_other_campaigns_are_kept_apart()
    {
        await CreateCampaignAsync("c1");
        await CreateCampaignAsync("c2");
        await AddInStatusAsync(NewChild(1, "c1", "same"), ChildStatus.Done);
        await AddInStatusAsync(NewChild(7, "c2", "same"), ChildStatus.Done);
        await Store.AddChildAsync(NewChild(9, "c2"));

        Assert.Equal([1L], (await Store.ListChildrenAsync("c1")).Select(c => c.Sequence));
        Assert.Equal(1, await Store.GetMaxSequenceAsync("c1"));
        Assert.Equal(9, await Store.GetMaxSequenceAsync("c2"));
        Assert.Equal(1, (await Store.CountChildrenByStatusAsync("c1"))[ChildStatus.Done]);
        Assert.Equal(7, (await Store.FindDoneChildAsync("c2", "same"))!.Sequence);
        Assert.Empty(await Store.ListChildrenAsync("unknown"));
    }

    [Fact]
    public async Task the_highest_sequence_is_zero_without_children_and_follows_additions()
    {
        await CreateCampaignAsync();
        Assert.Equal(0, await Store.GetMaxSequenceAsync("c1"));
        Assert.Equal(0, await Store.GetMaxSequenceAsync("unknown"));

        await Store.AddChildAsync(NewChild(4));
        await Store.AddChildAsync(NewChild(2));
        Assert.Equal(4, await Store.GetMaxSequenceAsync("c1"));

        await Store.AddChildAsync(NewChild(long.MaxValue));
        Assert.Equal(long.MaxValue, await Store.GetMaxSequenceAsync("c1"));
    }

    [Fact]
    public async Task counts_by_status_cover_every_status()
    {
        await CreateCampaignAsync();
        Assert.All(await Store.CountChildrenByStatusAsync("unknown"), pair => Assert.Equal(0, pair.Value));
        await AddInStatusAsync(NewChild(1), ChildStatus.Done);
        await AddInStatusAsync(NewChild(2), ChildStatus.Done);
        await AddInStatusAsync(NewChild(3), ChildStatus.Queued);
        await AddInStatusAsync(NewChild(4), ChildStatus.Failed);
        await AddInStatusAsync(NewChild(5), ChildStatus.Sampled);

        var counts = await Store.CountChildrenByStatusAsync("c1");

        Assert.Equal(Enum.GetValues<ChildStatus>().Order(), counts.Keys.Order());
        Assert.Equal(
            new Dictionary<ChildStatus, long>
            {
                [ChildStatus.Sampled] = 1,
                [ChildStatus.Queued] = 1,
                [ChildStatus.Training] = 0,
                [ChildStatus.Measured] = 0,
                [ChildStatus.Done] = 2,
                [ChildStatus.Failed] = 1,
            },
            counts);
    }

    [Fact]
    public async Task a_done_child_with_the_same_architecture_is_found_for_reuse()
    {
        await CreateCampaignAsync();
        await AddInStatusAsync(NewChild(1, architecture: "x"), ChildStatus.Failed);
        await AddInStatusAsync(NewChild(2, architecture: "x"), ChildStatus.Measured);
        var firstDone = await AddInStatusAsync(NewChild(3, architecture: "x"), ChildStatus.Done);
        await AddInStatusAsync(NewChild(4, architecture: "x"), ChildStatus.Done);
        await AddInStatusAsync(NewChild(5, architecture: "y"), ChildStatus.Training);

        AssertSameChild(firstDone, await Store.FindDoneChildAsync("c1", "x"));
        Assert.Null(await Store.FindDoneChildAsync("c1", "y"));
        Assert.Null(await Store.FindDoneChildAsync("c1", "X"));
        Assert.Null(await Store.FindDoneChildAsync("c1", "never sampled"));
    }

    [Fact]
    public async Task a_batch_of_children_is_stored_whole_and_returned_in_order()
    {
        await CreateCampaignAsync();
        await Store.AddChildAsync(NewChild(2));

        var added = await Store.AddChildrenAsync([NewChild(3), NewChild(1), NewChild(2), NewChild(3)]);

        Assert.Equal([3L, 1, 2, 3], added.Select(c => c.Sequence));
        Assert.Equal([1L, 2, 3], (await Store.ListChildrenAsync("c1")).Select(c => c.Sequence));
        Assert.Empty(await Store.AddChildrenAsync([]));
    }
}
