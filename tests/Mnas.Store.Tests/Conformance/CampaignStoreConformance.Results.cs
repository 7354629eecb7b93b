using System.Globalization;
using Mnas.Campaigns;

namespace Mnas.Store.Tests.Conformance;

public abstract partial class CampaignStoreConformance
{
    /// <summary>When results are answered in these tests: later than every child's own time, in another offset.</summary>
    protected static readonly DateTimeOffset AnsweredAt = T0.AddMinutes(9).AddTicks(3).ToOffset(TimeSpan.FromHours(-3));

    [Fact]
    public async Task a_done_result_for_the_current_attempt_makes_the_child_done_with_its_metrics_and_reward()
    {
        await CreateCampaignAsync();
        var child = await AddInStatusAsync(NewChild(1) with { Attempts = 1 }, ChildStatus.Training);

        var recording = await Store.RecordResultAsync(NewResult(ChildResultKind.Done));

        var expected = child with { Status = ChildStatus.Done, Metrics = NewMetrics(), Reward = 0.6180339887498949, UpdatedAt = AnsweredAt };
        Assert.True(recording.Accepted);
        AssertSameChild(expected, recording.Child);
        AssertSameChild(expected, await Store.GetChildAsync("c1", 1));
        AssertEvents([new CampaignEvent("c1", 1, "done", "child 1 attempt 1 done: reward 0.6180", AnsweredAt)], await Store.ListEventsAsync("c1"));
    }

    [Fact]
    public async Task a_failed_result_fails_the_child_with_its_reason_and_the_metrics_given()
    {
        await CreateCampaignAsync();
        var child = await AddInStatusAsync(NewChild(1) with { Attempts = 2 }, ChildStatus.Measured);
        var failure = NewResult(ChildResultKind.Failed, attempt: 2) with { FailureReason = "reward is not finite (NaN)", Metrics = NewMetrics(0.25) };

        var recording = await Store.RecordResultAsync(failure);

        var expected = child with
        {
            Status = ChildStatus.Failed,
            FailureReason = "reward is not finite (NaN)",
            Metrics = NewMetrics(0.25),
            UpdatedAt = AnsweredAt,
        };
        Assert.True(recording.Accepted);
        AssertSameChild(expected, recording.Child);
        AssertSameChild(expected, await Store.GetChildAsync("c1", 1));
        AssertEvents(
            [new CampaignEvent("c1", 1, "failed", "child 1 attempt 2 failed: reward is not finite (NaN)", AnsweredAt)],
            await Store.ListEventsAsync("c1"));
    }

    [Fact]
    public async Task a_failed_result_without_metrics_leaves_the_child_without_metrics()
    {
        await CreateCampaignAsync();
        var child = await AddInStatusAsync(NewChild(1) with { Attempts = 1 }, ChildStatus.Measured);
        child = await Store.UpdateChildAsync(child with { Metrics = NewMetrics() });

        await Store.RecordResultAsync(NewResult(ChildResultKind.Failed));

        var expected = child with { Status = ChildStatus.Failed, FailureReason = "out of memory", Metrics = null, UpdatedAt = AnsweredAt };
        AssertSameChild(expected, await Store.GetChildAsync("c1", 1));
    }

    [Theory]
    [InlineData(ChildStatus.Queued)]
    [InlineData(ChildStatus.Training)]
    [InlineData(ChildStatus.Measured)]
    public async Task a_retry_result_queues_the_next_attempt_keeping_the_reason_and_clearing_metrics_and_reward(ChildStatus from)
    {
        await CreateCampaignAsync();
        var child = await AddInStatusAsync(NewChild(1) with { Attempts = 1 }, from);
        child = await Store.UpdateChildAsync(child with { Metrics = NewMetrics(), Reward = 0.5 });

        var recording = await Store.RecordResultAsync(NewResult(ChildResultKind.Retry) with { FailureReason = "worker lost", Metrics = NewMetrics(), Reward = 0.1 });

        var expected = child with
        {
            Status = ChildStatus.Queued,
            Attempts = 2,
            FailureReason = "worker lost",
            Metrics = null,
            Reward = null,
            UpdatedAt = AnsweredAt,
        };
        Assert.True(recording.Accepted);
        AssertSameChild(expected, recording.Child);
        AssertSameChild(expected, await Store.GetChildAsync("c1", 1));
        AssertEvents(
            [new CampaignEvent("c1", 1, "retry", "child 1 attempt 1 failed (worker lost); trying again as attempt 2", AnsweredAt)],
            await Store.ListEventsAsync("c1"));
    }

    [Fact]
    public async Task the_next_attempts_result_is_accepted_after_a_retry_and_a_done_one_clears_the_reason()
    {
        await CreateCampaignAsync();
        var child = await AddInStatusAsync(NewChild(1) with { Attempts = 1 }, ChildStatus.Training);
        await Store.AppendEventAsync("c1", "started", "campaign started", T0);

        await Store.RecordResultAsync(NewResult(ChildResultKind.Retry));
        var recording = await Store.RecordResultAsync(NewResult(ChildResultKind.Done, attempt: 2, reward: 0.25) with { At = AnsweredAt.AddMinutes(1) });

        var expected = child with
        {
            Status = ChildStatus.Done,
            Attempts = 2,
            Metrics = NewMetrics(),
            Reward = 0.25,
            UpdatedAt = AnsweredAt.AddMinutes(1),
        };
        Assert.True(recording.Accepted);
        AssertSameChild(expected, await Store.GetChildAsync("c1", 1));
        AssertEvents(
            [
                new CampaignEvent("c1", 1, "started", "campaign started", T0),
                new CampaignEvent("c1", 2, "retry", "child 1 attempt 1 failed (out of memory); trying again as attempt 2", AnsweredAt),
                new CampaignEvent("c1", 3, "done", "child 1 attempt 2 done: reward 0.2500", AnsweredAt.AddMinutes(1)),
            ],
            await Store.ListEventsAsync("c1"));
    }

    [Theory]
    [InlineData(ChildResultKind.Done, 1, "result for child 1 attempt 1 ignored: the child is training at attempt 2")]
    [InlineData(ChildResultKind.Failed, 1, "failure (out of memory) for child 1 attempt 1 ignored: the child is training at attempt 2")]
    [InlineData(ChildResultKind.Retry, 1, "failure (out of memory) for child 1 attempt 1 ignored: the child is training at attempt 2")]
    [InlineData(ChildResultKind.Done, 3, "result for child 1 attempt 3 ignored: the child is training at attempt 2")]
    public async Task a_result_for_an_attempt_that_is_not_current_is_ignored_and_the_child_left_as_it_was(ChildResultKind kind, int attempt, string message)
    {
        await CreateCampaignAsync();
        var child = await AddInStatusAsync(NewChild(1) with { Attempts = 2 }, ChildStatus.Training);

        var recording = await Store.RecordResultAsync(NewResult(kind, attempt));

        Assert.False(recording.Accepted);
        AssertSameChild(child, recording.Child);
        AssertSameChild(child, await Store.GetChildAsync("c1", 1));
        AssertEvents([new CampaignEvent("c1", 1, "ignored", message, AnsweredAt)], await Store.ListEventsAsync("c1"));
    }

    [Theory]
    [InlineData(ChildResultKind.Done, "result for child 1 attempt 1 ignored: the child is done at attempt 1")]
    [InlineData(ChildResultKind.Failed, "failure (out of memory) for child 1 attempt 1 ignored: the child is done at attempt 1")]
    [InlineData(ChildResultKind.Retry, "failure (out of memory) for child 1 attempt 1 ignored: the child is done at attempt 1")]
    public async Task a_repeated_result_for_a_done_child_is_ignored(ChildResultKind kind, string message)
    {
        await CreateCampaignAsync();
        await AddInStatusAsync(NewChild(1) with { Attempts = 1 }, ChildStatus.Training);
        var done = (await Store.RecordResultAsync(NewResult(ChildResultKind.Done))).Child;

        var recording = await Store.RecordResultAsync(NewResult(kind, reward: 0.99) with { At = AnsweredAt.AddHours(1) });

        Assert.False(recording.Accepted);
        AssertSameChild(done, recording.Child);
        AssertSameChild(done, await Store.GetChildAsync("c1", 1));
        var events = await Store.ListEventsAsync("c1");
        Assert.Equal(["done", "ignored"], events.Select(e => e.Kind));
        Assert.Equal(new CampaignEvent("c1", 2, "ignored", message, AnsweredAt.AddHours(1)), events[1]);
    }

    [Fact]
    public async Task a_result_for_a_failed_child_is_ignored()
    {
        await CreateCampaignAsync();
        await AddInStatusAsync(NewChild(1) with { Attempts = 1 }, ChildStatus.Training);
        var failed = (await Store.RecordResultAsync(NewResult(ChildResultKind.Failed))).Child;

        var recording = await Store.RecordResultAsync(NewResult(ChildResultKind.Done));

        Assert.False(recording.Accepted);
        AssertSameChild(failed, await Store.GetChildAsync("c1", 1));
        Assert.Equal(
            "result for child 1 attempt 1 ignored: the child is failed at attempt 1",
            (await Store.ListEventsAsync("c1"))[^1].Message);
    }

    [Fact]
    public async Task of_concurrent_results_for_one_attempt_exactly_the_first_is_accepted()
    {
        await CreateCampaignAsync();
        var child = await AddInStatusAsync(NewChild(1) with { Attempts = 1 }, ChildStatus.Training);
        var results = Enumerable.Range(0, 8)
            .Select(i => NewResult(ChildResultKind.Done, reward: 0.125 * i) with { At = AnsweredAt.AddSeconds(i) })
            .ToArray();

        var recordings = await RunTogetherAsync(results.Length, i => Store.RecordResultAsync(results[i]));

        var winner = results[Assert.Single(Enumerable.Range(0, results.Length), i => recordings[i].Accepted)];
        var expected = child with { Status = ChildStatus.Done, Metrics = NewMetrics(), Reward = winner.Reward, UpdatedAt = winner.At };
        AssertSameChild(expected, await Store.GetChildAsync("c1", 1));
        Assert.All(recordings, r => AssertSameChild(expected, r.Child));
        var events = await Store.ListEventsAsync("c1");
        Assert.Equal(Enumerable.Range(1, results.Length).Select(i => (long)i), events.Select(e => e.Id));
        var doneEvent = Assert.Single(events, e => e.Kind == "done");
        AssertSameTime(winner.At, doneEvent.At);
        Assert.Equal($"child 1 attempt 1 done: reward {winner.Reward!.Value.ToString("F4", CultureInfo.InvariantCulture)}", doneEvent.Message);
        Assert.Equal(results.Length - 1, events.Count(e => e is { Kind: "ignored", Message: "result for child 1 attempt 1 ignored: the child is done at attempt 1" }));
    }

    [Fact]
    public async Task concurrent_results_for_different_children_are_all_accepted_and_their_events_numbered_without_gaps()
    {
        await CreateCampaignAsync();
        for (var sequence = 1; sequence <= 8; sequence++)
        {
            await AddInStatusAsync(NewChild(sequence) with { Attempts = 1 }, ChildStatus.Training);
        }

        var recordings = await RunTogetherAsync(8, i => Store.RecordResultAsync(NewResult(ChildResultKind.Done, sequence: i + 1, reward: i)));

        Assert.All(recordings, r => Assert.True(r.Accepted));
        Assert.Equal(
            Enumerable.Range(0, 8).Select(i => (double?)i),
            (await Store.ListChildrenAsync("c1")).Select(c => c.Reward));
        var events = await Store.ListEventsAsync("c1");
        Assert.Equal(Enumerable.Range(1, 8).Select(i => (long)i), events.Select(e => e.Id));
        Assert.Equal(
            Enumerable.Range(1, 8).Select(i => $"child {i} attempt 1 done: reward {i - 1}.0000"),
            events.Select(e => e.Message).Order(StringComparer.Ordinal));
    }

    public static TheoryData<string, ChildResult?> BadResults => new()
    {
        { "result", null },
        { "result.CampaignId", NewResult(ChildResultKind.Done) with { CampaignId = null! } },
        { "result.CampaignId", NewResult(ChildResultKind.Done) with { CampaignId = " " } },
        { "result.Sequence", NewResult(ChildResultKind.Done, sequence: 0) },
        { "result.Attempt", NewResult(ChildResultKind.Done, attempt: 0) },
        { "result.Attempt", NewResult(ChildResultKind.Retry, attempt: -1) },
        { "result.Kind", NewResult(ChildResultKind.Done) with { Kind = (ChildResultKind)7 } },
        { "result.Metrics", NewResult(ChildResultKind.Done) with { Metrics = null } },
        { "result.Reward", NewResult(ChildResultKind.Done) with { Reward = null } },
        { "result.Reward", NewResult(ChildResultKind.Done, reward: double.NaN) },
        { "result.Reward", NewResult(ChildResultKind.Done, reward: double.NegativeInfinity) },
        { "result.Metrics.Accuracy", NewResult(ChildResultKind.Done) with { Metrics = NewMetrics(double.NaN) } },
        { "result.Metrics.LatencyMs", NewResult(ChildResultKind.Done) with { Metrics = NewMetrics() with { LatencyMs = double.PositiveInfinity } } },
        { "result.Metrics.Params", NewResult(ChildResultKind.Done) with { Metrics = NewMetrics() with { Params = -1 } } },
        { "result.Metrics.Macs", NewResult(ChildResultKind.Done) with { Metrics = NewMetrics() with { Macs = -1 } } },
        { "result.Metrics.PeakActivationBytes", NewResult(ChildResultKind.Done) with { Metrics = NewMetrics() with { PeakActivationBytes = -1 } } },
        { "result.Metrics.TrainSeconds", NewResult(ChildResultKind.Failed) with { Metrics = NewMetrics() with { TrainSeconds = double.NaN } } },
        { "result.Reward", NewResult(ChildResultKind.Failed) with { Reward = double.NaN } },
        { "result.FailureReason", NewResult(ChildResultKind.Failed) with { FailureReason = null } },
        { "result.FailureReason", NewResult(ChildResultKind.Failed) with { FailureReason = "" } },
        { "result.FailureReason", NewResult(ChildResultKind.Retry) with { FailureReason = "  " } },
    };

    [Theory]
    [MemberData(nameof(BadResults))]
    public async Task bad_results_are_refused_naming_the_field_and_nothing_is_written(string field, ChildResult? result)
    {
        await CreateCampaignAsync();
        var child = await AddInStatusAsync(NewChild(1) with { Attempts = 1 }, ChildStatus.Training);
        var started = await Store.AppendEventAsync("c1", "started", "campaign started", T0);

        await AssertRefusedAsync(field, () => Store.RecordResultAsync(result!));

        AssertSameChild(child, await Store.GetChildAsync("c1", 1));
        AssertEvents([started], await Store.ListEventsAsync("c1"));
    }

    [Fact]
    public async Task a_result_for_an_unknown_campaign_or_child_is_refused_naming_the_field()
    {
        await CreateCampaignAsync();
        var child = await AddInStatusAsync(NewChild(1) with { Attempts = 1 }, ChildStatus.Training);

        await AssertRefusedAsync("result.CampaignId", () => Store.RecordResultAsync(NewResult(ChildResultKind.Done) with { CampaignId = "nope" }));
        await AssertRefusedAsync("result.Sequence", () => Store.RecordResultAsync(NewResult(ChildResultKind.Failed, sequence: 2)));

        AssertSameChild(child, await Store.GetChildAsync("c1", 1));
        Assert.Null(await Store.GetChildAsync("c1", 2));
        Assert.Empty(await Store.ListEventsAsync("c1"));
        Assert.Empty(await Store.ListEventsAsync("nope"));
    }

    /// <summary>
    /// A result of child <paramref name="sequence"/> of campaign c1 answered at <see cref="AnsweredAt"/>: a Done one
    /// with metrics and <paramref name="reward"/>, a failed or retry one with the reason "out of memory".
    /// </summary>
    protected static ChildResult NewResult(ChildResultKind kind, int attempt = 1, long sequence = 1, double reward = 0.6180339887498949) =>
        kind == ChildResultKind.Done
            ? new("c1", sequence, attempt, kind, NewMetrics(), reward, null, AnsweredAt)
            : new("c1", sequence, attempt, kind, null, null, "out of memory", AnsweredAt);

    /// <summary>Events equal in order, their times with their offsets.</summary>
    protected static void AssertEvents(IReadOnlyList<CampaignEvent> expected, IReadOnlyList<CampaignEvent> actual)
    {
        Assert.Equal(expected, actual);
        for (var i = 0; i < expected.Count; i++)
        {
            AssertSameTime(expected[i].At, actual[i].At);
        }
    }
}
