using Mnas.Campaigns;

namespace Mnas.Store.Tests.Conformance;

public abstract partial class CampaignStoreConformance
{
    [Fact]
    public async Task a_batch_with_one_conflicting_child_adds_none_of_them()
    {
        await CreateCampaignAsync();
        await Store.AddChildAsync(NewChild(3, architecture: "taken"));

        await Assert.ThrowsAsync<ChildConflictException>(
            () => Store.AddChildrenAsync([NewChild(1), NewChild(2), NewChild(3, architecture: "other"), NewChild(4)]));

        Assert.Equal([3L], (await Store.ListChildrenAsync("c1")).Select(c => c.Sequence));
        Assert.Equal(3, await Store.GetMaxSequenceAsync("c1"));
    }

    [Fact]
    public async Task a_batch_repeating_a_sequence_with_another_architecture_adds_none_of_them()
    {
        await CreateCampaignAsync();

        await Assert.ThrowsAsync<ChildConflictException>(
            () => Store.AddChildrenAsync([NewChild(1, architecture: "a"), NewChild(2), NewChild(1, architecture: "b")]));

        Assert.Empty(await Store.ListChildrenAsync("c1"));
    }

    [Fact]
    public async Task a_cancelled_write_writes_nothing()
    {
        await CreateCampaignAsync();
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Store.CreateCampaignAsync(NewCampaign("c2"), cancelled.Token));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Store.AddChildAsync(NewChild(1), cancelled.Token));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Store.SaveCheckpointAsync(NewCheckpoint(1), cancelled.Token));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Store.AppendEventAsync("c1", "tick", "m", T0, cancelled.Token));

        Assert.Null(await Store.GetCampaignAsync("c2"));
        Assert.Empty(await Store.ListChildrenAsync("c1"));
        Assert.Null(await Store.GetLatestCheckpointAsync("c1"));
        Assert.Empty(await Store.ListEventsAsync("c1"));
    }

    [Fact]
    public async Task everything_survives_closing_and_reopening_the_store()
    {
        var campaign = await CreateCampaignAsync("c1");
        await Store.UpdateCampaignStatusAsync("c1", CampaignStatus.Paused);
        var done = await AddInStatusAsync(NewChild(1, architecture: "x"), ChildStatus.Done);
        var failed = await AddInStatusAsync(NewChild(2), ChildStatus.Failed);
        var sampled = await Store.AddChildAsync(NewChild(3));
        await Store.SaveCheckpointAsync(NewCheckpoint(1));
        await Store.SaveCheckpointAsync(NewCheckpoint(2));
        await Store.AppendEventAsync("c1", "started", "go", T0);
        await Store.AppendEventAsync("c1", "paused", "stop", T0.AddHours(1));

        await ReopenAsync();

        Assert.Equal(campaign with { Status = CampaignStatus.Paused }, await Store.GetCampaignAsync("c1"));
        var children = await Store.ListChildrenAsync("c1");
        Assert.Equal(3, children.Count);
        AssertSameChild(done, children[0]);
        AssertSameChild(failed, children[1]);
        AssertSameChild(sampled, children[2]);
        AssertSameChild(done, await Store.FindDoneChildAsync("c1", "x"));
        Assert.Equal(3, await Store.GetMaxSequenceAsync("c1"));
        AssertSameCheckpoint(NewCheckpoint(2), await Store.GetLatestCheckpointAsync("c1"));
        Assert.Equal(["started", "paused"], (await Store.ListEventsAsync("c1")).Select(e => e.Kind));

        // The rules carry on from the stored state.
        await Assert.ThrowsAsync<DuplicateCampaignException>(() => Store.CreateCampaignAsync(NewCampaign("c1")));
        await Assert.ThrowsAsync<StaleCheckpointException>(() => Store.SaveCheckpointAsync(NewCheckpoint(2)));
        await Assert.ThrowsAsync<InvalidChildTransitionException>(() => Store.UpdateChildAsync(done with { Status = ChildStatus.Failed }));
        Assert.Equal(3, (await Store.AppendEventAsync("c1", "resumed", "again", T0.AddHours(2))).Id);
        Assert.Equal(1, (await Store.RequeueChildAsync("c1", 2, T0.AddHours(3))).Attempts);
    }

    [Fact]
    public async Task concurrent_adds_from_eight_tasks_lose_and_duplicate_nothing()
    {
        await CreateCampaignAsync();
        const int Tasks = 8;
        const int PerTask = 25;
        const int Shared = 10;

        // Each task adds its own 25 children one by one, interleaved with every task adding the
        // same 10 shared children (same architectures): those must come out once each, as one child.
        var returned = await RunTogetherAsync(Tasks, async task =>
        {
            var mine = new List<Child>();
            for (var i = 0; i < PerTask; i++)
            {
                mine.Add(await Store.AddChildAsync(NewChild(Shared + 1 + (task * PerTask) + i)));
                if (i < Shared)
                {
                    mine.Add(await Store.AddChildAsync(NewChild(1 + ((i + task) % Shared))));
                }
            }

            return mine;
        });

        var stored = await Store.ListChildrenAsync("c1");
        Assert.Equal(Enumerable.Range(1, Shared + (Tasks * PerTask)).Select(i => (long)i), stored.Select(c => c.Sequence));
        Assert.All(stored, child => AssertSameChild(NewChild(child.Sequence), child));
        Assert.All(returned.SelectMany(r => r), child => AssertSameChild(NewChild(child.Sequence), child));
        Assert.Equal(Shared + (Tasks * PerTask), await Store.GetMaxSequenceAsync("c1"));
        Assert.Equal(Shared + (Tasks * PerTask), (await Store.CountChildrenByStatusAsync("c1"))[ChildStatus.Sampled]);
    }

    [Fact]
    public async Task concurrent_adds_of_one_sequence_with_different_architectures_let_exactly_one_win()
    {
        await CreateCampaignAsync();

        var outcomes = await RunTogetherAsync(8, async task =>
        {
            try
            {
                return (Architecture: (await Store.AddChildAsync(NewChild(1, architecture: $"arch-{task}"))).Architecture, Conflict: false);
            }
            catch (ChildConflictException conflict)
            {
                return (Architecture: conflict.StoredArchitecture, Conflict: true);
            }
        });

        var stored = Assert.Single(await Store.ListChildrenAsync("c1"));
        Assert.Single(outcomes, o => !o.Conflict);
        Assert.All(outcomes, o => Assert.Equal(stored.Architecture, o.Architecture));
    }

    [Fact]
    public async Task concurrent_event_appends_get_distinct_consecutive_ids()
    {
        await CreateCampaignAsync();

        var appended = await RunTogetherAsync(8, async task =>
        {
            var ids = new List<long>();
            for (var i = 0; i < 20; i++)
            {
                ids.Add((await Store.AppendEventAsync("c1", "tick", $"{task}/{i}", T0)).Id);
            }

            return ids;
        });

        var all = appended.SelectMany(ids => ids).Order().ToArray();
        Assert.Equal(Enumerable.Range(1, 160).Select(i => (long)i), all);
        Assert.All(appended, ids => Assert.Equal(ids.Order(), ids));
        Assert.Equal(160, (await Store.ListEventsAsync("c1", limit: 1000)).Count);
    }

    [Fact]
    public async Task concurrent_checkpoint_saves_never_lower_the_latest_version()
    {
        await CreateCampaignAsync();

        var saved = await RunTogetherAsync(8, async task =>
        {
            var versions = new List<long>();
            for (var version = 1 + task; version <= 80; version += 8)
            {
                try
                {
                    await Store.SaveCheckpointAsync(NewCheckpoint(version));
                    versions.Add(version);
                }
                catch (StaleCheckpointException stale)
                {
                    Assert.True(stale.LatestVersion >= version);
                }
            }

            return versions;
        });

        Assert.Contains(80L, saved.SelectMany(v => v));
        AssertSameCheckpoint(NewCheckpoint(80), await Store.GetLatestCheckpointAsync("c1"));
    }

    [Fact]
    public async Task concurrent_lifecycles_and_readers_see_consistent_children()
    {
        await CreateCampaignAsync();
        await Store.AddChildrenAsync(Enumerable.Range(1, 40).Select(i => NewChild(i)).ToArray());

        var readers = Task.Run(async () =>
        {
            for (var i = 0; i < 20; i++)
            {
                var counts = await Store.CountChildrenByStatusAsync("c1");
                Assert.Equal(40, counts.Values.Sum());
                Assert.Equal(40, (await Store.ListChildrenAsync("c1")).Count);
            }
        });
        await RunTogetherAsync(8, async task =>
        {
            for (var sequence = 1 + task; sequence <= 40; sequence += 8)
            {
                var child = (await Store.GetChildAsync("c1", sequence))!;
                child = await Store.UpdateChildAsync(child with { Status = ChildStatus.Queued });
                child = await Store.UpdateChildAsync(child with { Status = ChildStatus.Training, Attempts = 1 });
                await Store.UpdateChildAsync(Done(child, reward: sequence / 100.0));
            }

            return task;
        });
        await readers;

        var done = await Store.ListChildrenAsync("c1", ChildStatus.Done);
        Assert.Equal(40, done.Count);
        Assert.All(done, child => Assert.Equal(child.Sequence / 100.0, child.Reward));
    }
}
