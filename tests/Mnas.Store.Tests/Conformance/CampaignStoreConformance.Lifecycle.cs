using Mnas.Campaigns;

namespace Mnas.Store.Tests.Conformance;

public abstract partial class CampaignStoreConformance
{
    [Fact]
    public async Task a_child_moves_forward_from_sampled_to_done()
    {
        await CreateCampaignAsync();
        var child = await Store.AddChildAsync(NewChild(1));

        child = await Store.UpdateChildAsync(child with { Status = ChildStatus.Queued, UpdatedAt = T0.AddMinutes(1) });
        child = await Store.UpdateChildAsync(child with { Status = ChildStatus.Training, Attempts = 1, UpdatedAt = T0.AddMinutes(2) });
        child = await Store.UpdateChildAsync(child with { Status = ChildStatus.Measured, Metrics = NewMetrics(), UpdatedAt = T0.AddMinutes(3) });
        var done = await Store.UpdateChildAsync(child with { Status = ChildStatus.Done, Reward = 0.5, UpdatedAt = T0.AddMinutes(4) });

        var expected = NewChild(1) with
        {
            Status = ChildStatus.Done,
            Attempts = 1,
            Metrics = NewMetrics(),
            Reward = 0.5,
            UpdatedAt = T0.AddMinutes(4),
        };
        AssertSameChild(expected, done);
        AssertSameChild(expected, await Store.GetChildAsync("c1", 1));
    }

    [Fact]
    public async Task a_child_may_skip_ahead_to_done_with_a_reused_result()
    {
        await CreateCampaignAsync();
        var child = await Store.AddChildAsync(NewChild(1));

        var done = await Store.UpdateChildAsync(Done(child));

        AssertSameChild(Done(child), await Store.GetChildAsync("c1", 1));
        Assert.Equal(ChildStatus.Done, done.Status);
    }

    [Fact]
    public async Task a_child_may_be_updated_without_changing_status_before_it_ends()
    {
        await CreateCampaignAsync();
        var child = await AddInStatusAsync(NewChild(1), ChildStatus.Training);

        var updated = await Store.UpdateChildAsync(child with { Attempts = 3, UpdatedAt = T0.AddHours(2) });

        AssertSameChild(child with { Attempts = 3, UpdatedAt = T0.AddHours(2) }, await Store.GetChildAsync("c1", 1));
        Assert.Equal(3, updated.Attempts);
    }

    [Theory]
    [InlineData(ChildStatus.Sampled)]
    [InlineData(ChildStatus.Queued)]
    [InlineData(ChildStatus.Training)]
    [InlineData(ChildStatus.Measured)]
    public async Task a_child_may_fail_from_any_status_before_done(ChildStatus from)
    {
        await CreateCampaignAsync();
        var child = await AddInStatusAsync(NewChild(1), from);

        var failed = await Store.UpdateChildAsync(child with { Status = ChildStatus.Failed, FailureReason = "diverged: loss is NaN", Reward = -1 });

        AssertSameChild(failed, await Store.GetChildAsync("c1", 1));
        Assert.Equal("diverged: loss is NaN", failed.FailureReason);
    }

    [Theory]
    [InlineData(ChildStatus.Queued, ChildStatus.Sampled)]
    [InlineData(ChildStatus.Training, ChildStatus.Queued)]
    [InlineData(ChildStatus.Measured, ChildStatus.Training)]
    [InlineData(ChildStatus.Measured, ChildStatus.Sampled)]
    public async Task a_child_cannot_go_backwards(ChildStatus from, ChildStatus to)
    {
        await CreateCampaignAsync();
        var child = await AddInStatusAsync(NewChild(1), from);

        var error = await Assert.ThrowsAsync<InvalidChildTransitionException>(
            () => Store.UpdateChildAsync(child with { Status = to, UpdatedAt = T0.AddDays(1) }));

        Assert.Equal((from, to, 1L), (error.From, error.To, error.Sequence));
        AssertSameChild(child, await Store.GetChildAsync("c1", 1));
    }

    [Theory]
    [InlineData(ChildStatus.Done, ChildStatus.Done)]
    [InlineData(ChildStatus.Done, ChildStatus.Failed)]
    [InlineData(ChildStatus.Done, ChildStatus.Queued)]
    [InlineData(ChildStatus.Failed, ChildStatus.Failed)]
    [InlineData(ChildStatus.Failed, ChildStatus.Queued)]
    [InlineData(ChildStatus.Failed, ChildStatus.Done)]
    public async Task no_update_leaves_done_or_failed(ChildStatus from, ChildStatus to)
    {
        await CreateCampaignAsync();
        var child = await AddInStatusAsync(NewChild(1), from);

        var error = await Assert.ThrowsAsync<InvalidChildTransitionException>(
            () => Store.UpdateChildAsync(child with { Status = to, Reward = 0.99, UpdatedAt = T0.AddDays(1) }));

        Assert.Contains("final", error.Message);
        AssertSameChild(child, await Store.GetChildAsync("c1", 1));
    }

    [Fact]
    public async Task a_failed_child_is_requeued_with_one_more_attempt_and_its_failure_cleared()
    {
        await CreateCampaignAsync();
        var child = await AddInStatusAsync(NewChild(1) with { Attempts = 1 }, ChildStatus.Failed);

        var requeued = await Store.RequeueChildAsync("c1", 1, T0.AddDays(2));

        var expected = child with
        {
            Status = ChildStatus.Queued,
            Attempts = 2,
            FailureReason = null,
            Metrics = null,
            Reward = null,
            UpdatedAt = T0.AddDays(2),
        };
        AssertSameChild(expected, requeued);
        AssertSameChild(expected, await Store.GetChildAsync("c1", 1));
    }

    [Theory]
    [InlineData(ChildStatus.Training)]
    [InlineData(ChildStatus.Measured)]
    public async Task a_child_whose_worker_was_lost_is_requeued_for_retry(ChildStatus from)
    {
        await CreateCampaignAsync();
        var child = await AddInStatusAsync(NewChild(1), from);
        await Store.UpdateChildAsync(child with { Metrics = NewMetrics() });

        var requeued = await Store.RequeueChildAsync("c1", 1, T0.AddDays(2));
        var retried = await Store.UpdateChildAsync(requeued with { Status = ChildStatus.Training });

        Assert.Equal((ChildStatus.Queued, 1, (ChildMetrics?)null), (requeued.Status, requeued.Attempts, requeued.Metrics));
        AssertSameChild(retried, await Store.GetChildAsync("c1", 1));
    }

    [Theory]
    [InlineData(ChildStatus.Sampled)]
    [InlineData(ChildStatus.Queued)]
    [InlineData(ChildStatus.Done)]
    public async Task sampled_queued_and_done_children_are_not_requeued(ChildStatus from)
    {
        await CreateCampaignAsync();
        var child = await AddInStatusAsync(NewChild(1), from);

        var error = await Assert.ThrowsAsync<InvalidChildTransitionException>(() => Store.RequeueChildAsync("c1", 1, T0.AddDays(2)));

        Assert.Equal((from, ChildStatus.Queued), (error.From, error.To));
        AssertSameChild(child, await Store.GetChildAsync("c1", 1));
    }

    [Fact]
    public async Task attempts_never_decrease()
    {
        await CreateCampaignAsync();
        var child = await AddInStatusAsync(NewChild(1) with { Attempts = 2 }, ChildStatus.Training);

        await AssertRefusedAsync("child.Attempts", () => Store.UpdateChildAsync(child with { Status = ChildStatus.Measured, Attempts = 1 }));

        AssertSameChild(child, await Store.GetChildAsync("c1", 1));
    }

    public static TheoryData<string> IdentityFields => ["Architecture", "Tokens", "LogProbability", "PolicyVersion"];

    [Theory]
    [MemberData(nameof(IdentityFields))]
    public async Task a_childs_identity_cannot_change_in_an_update(string field)
    {
        await CreateCampaignAsync();
        var child = await Store.AddChildAsync(NewChild(1));
        var changed = field switch
        {
            "Architecture" => child with { Architecture = "other" },
            "Tokens" => child with { Tokens = [.. child.Tokens, 9] },
            "LogProbability" => child with { LogProbability = child.LogProbability - 1e-12 },
            _ => child with { PolicyVersion = child.PolicyVersion + 1 },
        };

        await AssertRefusedAsync($"child.{field}", () => Store.UpdateChildAsync(changed with { Status = ChildStatus.Queued }));

        AssertSameChild(child, await Store.GetChildAsync("c1", 1));
    }

    [Fact]
    public async Task updating_or_requeuing_an_unknown_child_names_the_field()
    {
        await CreateCampaignAsync();
        await Store.AddChildAsync(NewChild(1));

        await AssertRefusedAsync("child.Sequence", () => Store.UpdateChildAsync(NewChild(2) with { Status = ChildStatus.Queued }));
        await AssertRefusedAsync("child.CampaignId", () => Store.UpdateChildAsync(NewChild(1, "nope") with { Status = ChildStatus.Queued }));
        await AssertRefusedAsync("sequence", () => Store.RequeueChildAsync("c1", 2, T0));
        await AssertRefusedAsync("campaignId", () => Store.RequeueChildAsync("nope", 1, T0));
        Assert.Null(await Store.GetChildAsync("c1", 2));
    }
}
