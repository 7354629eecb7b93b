using Mnas.Campaigns;

namespace Mnas.Store.Tests.Conformance;

public abstract partial class CampaignStoreConformance
{
    private static readonly WorkerChild[] NoWorkerChildren = [];

    [Fact]
    public async Task a_workers_first_heartbeat_is_stored_field_for_field()
    {
        var worker = NewWorker("w1") with { Stopping = true, LastHeartbeat = T0.AddSeconds(3).ToOffset(TimeSpan.FromHours(-7)) };

        var recorded = await Store.RecordWorkerAsync(worker);
        await ReopenAsync();

        AssertSameWorker(worker, recorded);
        AssertSameWorker(worker, Assert.Single(await Store.ListWorkersAsync()));
    }

    [Fact]
    public async Task a_worker_running_a_campaigns_supernet_or_latency_table_job_is_stored_with_its_reserved_sequence()
    {
        var worker = NewWorker("w1") with
        {
            Running = [new WorkerChild("c1", 0, 1, WorkerChild.SupernetJob), new WorkerChild("c2", -1, 2, WorkerChild.LatencyTableJob)],
        };

        await Store.RecordWorkerAsync(worker);

        AssertSameWorker(worker, Assert.Single(await Store.ListWorkersAsync()));
    }

    [Fact]
    public async Task a_worker_running_nothing_is_stored_with_an_empty_list()
    {
        var worker = NewWorker("w1") with { Running = [] };

        await Store.RecordWorkerAsync(worker);

        AssertSameWorker(worker, Assert.Single(await Store.ListWorkersAsync()));
    }

    [Fact]
    public async Task a_later_heartbeat_replaces_the_worker_but_keeps_when_it_was_first_seen()
    {
        await Store.RecordWorkerAsync(NewWorker("w1"));
        var later = NewWorker("w1", heartbeat: T0.AddSeconds(30)) with
        {
            Device = "NVIDIA H100",
            DeviceClass = "cuda",
            Threads = 4,
            Slots = 2,
            Running = [new WorkerChild("c2", 9, 3, "latency")],
            Stopping = true,
            FirstSeen = T0.AddSeconds(30),
        };

        var recorded = await Store.RecordWorkerAsync(later);

        var expected = later with { FirstSeen = T0 };
        AssertSameWorker(expected, recorded);
        AssertSameWorker(expected, Assert.Single(await Store.ListWorkersAsync()));
    }

    [Fact]
    public async Task a_heartbeat_older_than_the_stored_one_is_dropped()
    {
        var newer = NewWorker("w1", heartbeat: T0.AddSeconds(30));
        await Store.RecordWorkerAsync(newer);

        var recorded = await Store.RecordWorkerAsync(NewWorker("w1", heartbeat: T0.AddSeconds(20)) with { Slots = 7, Stopping = true });

        AssertSameWorker(newer, recorded);
        AssertSameWorker(newer, Assert.Single(await Store.ListWorkersAsync()));
    }

    [Fact]
    public async Task heartbeats_are_compared_by_instant_whatever_their_offset()
    {
        var newer = NewWorker("w1", heartbeat: T0.AddSeconds(30));
        await Store.RecordWorkerAsync(newer);
        // Ten seconds earlier, though its clock reads hours later.
        var older = NewWorker("w1", heartbeat: T0.AddSeconds(20).ToOffset(TimeSpan.FromHours(9))) with { Slots = 7 };
        // Ten seconds later, though its clock reads hours earlier.
        var latest = NewWorker("w1", heartbeat: T0.AddSeconds(40).ToOffset(TimeSpan.FromHours(-9))) with { Slots = 5 };

        await Store.RecordWorkerAsync(older);
        AssertSameWorker(newer, Assert.Single(await Store.ListWorkersAsync()));
        await Store.RecordWorkerAsync(latest);
        AssertSameWorker(latest with { FirstSeen = newer.FirstSeen }, Assert.Single(await Store.ListWorkersAsync()));
    }

    [Fact]
    public async Task a_heartbeat_at_the_same_instant_replaces_the_stored_one()
    {
        await Store.RecordWorkerAsync(NewWorker("w1"));
        var again = NewWorker("w1") with { Stopping = true, LastHeartbeat = T0.ToOffset(TimeSpan.Zero) };

        await Store.RecordWorkerAsync(again);

        AssertSameWorker(again, Assert.Single(await Store.ListWorkersAsync()));
    }

    [Fact]
    public async Task workers_are_listed_by_id_in_ordinal_order()
    {
        foreach (var id in new[] { "b", "a-2", "B", "a", "worker-10", "worker-9" })
        {
            await Store.RecordWorkerAsync(NewWorker(id));
        }

        Assert.Equal(["B", "a", "a-2", "b", "worker-10", "worker-9"], (await Store.ListWorkersAsync()).Select(w => w.WorkerId));
    }

    [Fact]
    public async Task workers_last_heard_from_before_an_instant_are_forgotten()
    {
        await Store.RecordWorkerAsync(NewWorker("gone", heartbeat: T0.AddSeconds(10)));
        // Before the cut-off, though its clock reads later.
        await Store.RecordWorkerAsync(NewWorker("gone-too", heartbeat: T0.AddSeconds(59).ToOffset(TimeSpan.FromHours(10))));
        await Store.RecordWorkerAsync(NewWorker("on-the-cut", heartbeat: T0.AddSeconds(60)));
        await Store.RecordWorkerAsync(NewWorker("alive", heartbeat: T0.AddSeconds(61).ToOffset(TimeSpan.FromHours(-10))));

        var forgotten = await Store.ForgetWorkersAsync(T0.AddSeconds(60).ToOffset(TimeSpan.Zero));
        var again = await Store.ForgetWorkersAsync(T0.AddSeconds(60));

        Assert.Equal(2, forgotten);
        Assert.Equal(0, again);
        Assert.Equal(["alive", "on-the-cut"], (await Store.ListWorkersAsync()).Select(w => w.WorkerId));
    }

    [Fact]
    public async Task a_forgotten_worker_heard_from_again_is_new()
    {
        await Store.RecordWorkerAsync(NewWorker("w1"));
        await Store.ForgetWorkersAsync(T0.AddSeconds(1));
        var back = NewWorker("w1", heartbeat: T0.AddSeconds(90)) with { FirstSeen = T0.AddSeconds(90) };

        await Store.RecordWorkerAsync(back);

        AssertSameWorker(back, Assert.Single(await Store.ListWorkersAsync()));
    }

    [Fact]
    public async Task concurrent_first_heartbeats_of_one_worker_leave_the_newest()
    {
        var heartbeats = Enumerable.Range(0, 8)
            .Select(i => NewWorker("w1", heartbeat: T0.AddSeconds(i)) with { FirstSeen = T0.AddSeconds(i), Slots = i + 1 })
            .ToArray();

        await RunTogetherAsync(heartbeats.Length, i => Store.RecordWorkerAsync(heartbeats[i]));

        var stored = Assert.Single(await Store.ListWorkersAsync());
        AssertSameWorker(heartbeats[^1] with { FirstSeen = stored.FirstSeen }, stored);
        Assert.Contains(heartbeats, h => h.FirstSeen.EqualsExact(stored.FirstSeen));
    }

    public static TheoryData<string, WorkerStatus?> BadWorkers => new()
    {
        { "worker", null },
        { "worker.WorkerId", NewWorker(null!) },
        { "worker.WorkerId", NewWorker("") },
        { "worker.WorkerId", NewWorker(" ") },
        { "worker.DeviceClass", NewWorker("w1") with { DeviceClass = null! } },
        { "worker.DeviceClass", NewWorker("w1") with { DeviceClass = "" } },
        { "worker.Device", NewWorker("w1") with { Device = null! } },
        { "worker.Threads", NewWorker("w1") with { Threads = 0 } },
        { "worker.Slots", NewWorker("w1") with { Slots = 0 } },
        { "worker.Slots", NewWorker("w1") with { Slots = -2 } },
        { "worker.Running", NewWorker("w1") with { Running = null! } },
        { "worker.Running[1]", NewWorker("w1") with { Running = [NewWorker("w1").Running[0], null!] } },
        { "worker.Running[0].CampaignId", NewWorker("w1") with { Running = [new WorkerChild("", 1, 1, "train")] } },
        { "worker.Running[0].Sequence", NewWorker("w1") with { Running = [new WorkerChild("c1", 0, 1, "train")] } },
        { "worker.Running[0].Sequence", NewWorker("w1") with { Running = [new WorkerChild("c1", 1, 1, WorkerChild.SupernetJob)] } },
        { "worker.Running[0].Sequence", NewWorker("w1") with { Running = [new WorkerChild("c1", 0, 1, WorkerChild.LatencyTableJob)] } },
        { "worker.Running[0].Attempt", NewWorker("w1") with { Running = [new WorkerChild("c1", 1, 0, "train")] } },
        { "worker.Running[0].Job", NewWorker("w1") with { Running = [new WorkerChild("c1", 1, 1, " ")] } },
        { "worker.LastHeartbeat", NewWorker("w1") with { FirstSeen = T0.AddTicks(1) } },
    };

    [Theory]
    [MemberData(nameof(BadWorkers))]
    public async Task bad_heartbeats_are_refused_naming_the_field_and_nothing_is_written(string field, WorkerStatus? worker)
    {
        var stored = NewWorker("w1", heartbeat: T0.AddSeconds(-5)) with { FirstSeen = T0.AddSeconds(-5) };
        await Store.RecordWorkerAsync(stored);

        await AssertRefusedAsync(field, () => Store.RecordWorkerAsync(worker!));

        AssertSameWorker(stored, Assert.Single(await Store.ListWorkersAsync()));
    }

    /// <summary>A worker running two children, first seen and last heard from at <paramref name="heartbeat"/> (T0 by default).</summary>
    protected static WorkerStatus NewWorker(string workerId, DateTimeOffset? heartbeat = null) =>
        new(
            workerId,
            "cpu",
            "AMD EPYC 9654 ✓",
            8,
            3,
            [new WorkerChild("c1", 4, 1, "train"), new WorkerChild("c1", 7, 2, "latency")],
            false,
            heartbeat ?? T0,
            heartbeat ?? T0);

    /// <summary>Field-for-field equality: running children as sequences, times with their offsets.</summary>
    protected static void AssertSameWorker(WorkerStatus expected, WorkerStatus? actual)
    {
        Assert.NotNull(actual);
        Assert.Equal(expected.Running, actual.Running);
        Assert.Equal(expected with { Running = NoWorkerChildren }, actual with { Running = NoWorkerChildren });
        AssertSameTime(expected.FirstSeen, actual.FirstSeen);
        AssertSameTime(expected.LastHeartbeat, actual.LastHeartbeat);
    }
}
