using Mnas.Api.Workers;
using Mnas.Campaigns;

namespace Mnas.Api.Tests;

public sealed class WorkerEndpointTests
{
    private static readonly TimeSpan Heartbeat = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task workers_are_listed_as_their_last_heartbeat_recorded_them()
    {
        await using var api = await TestApi.StartAsync(new ApiOptions { HeartbeatInterval = Heartbeat });
        var firstSeen = TestApi.Start.AddMinutes(-10);
        await api.Store.RecordWorkerAsync(new WorkerStatus("gpu-1", "cuda", "a GPU", 8, 2,
            [new WorkerChild("c1", 3, 1, "train"), new WorkerChild("c1", 4, 2, "latency")], Stopping: true, firstSeen, TestApi.Start));

        var worker = Assert.Single(await api.GetAsync<List<WorkerResponse>>("/api/v1/workers"));

        Assert.Equal("gpu-1", worker.Id);
        Assert.Equal("cuda", worker.DeviceClass);
        Assert.Equal("a GPU", worker.Device);
        Assert.Equal(8, worker.Threads);
        Assert.Equal(2, worker.Slots);
        Assert.Equal([new WorkerChildResponse("c1", 3, 1, "train"), new WorkerChildResponse("c1", 4, 2, "latency")], worker.Running);
        Assert.True(worker.Stopping);
        Assert.Equal(firstSeen, worker.FirstSeen);
        Assert.Equal(TestApi.Start, worker.LastHeartbeat);
        Assert.True(worker.Alive);
    }

    [Fact]
    public async Task a_worker_is_alive_while_its_last_announcement_is_within_the_alive_window()
    {
        await using var api = await TestApi.StartAsync(new ApiOptions { HeartbeatInterval = Heartbeat });
        var window = ApiOptions.AliveHeartbeats * Heartbeat;
        await RecordAsync(api, "fresh", TestApi.Start.AddSeconds(-1));
        await RecordAsync(api, "late", TestApi.Start - window);
        await RecordAsync(api, "silent", TestApi.Start - window - TimeSpan.FromSeconds(1));

        var workers = await api.GetAsync<List<WorkerResponse>>("/api/v1/workers");

        Assert.Equal(["fresh", "late", "silent"], workers.Select(w => w.Id));
        Assert.Equal([true, true, false], workers.Select(w => w.Alive));

        api.Clock.Now += Heartbeat;
        var later = await api.GetAsync<List<WorkerResponse>>("/api/v1/workers");

        Assert.Equal([true, false, false], later.Select(w => w.Alive));
    }

    [Fact]
    public async Task with_no_worker_recorded_the_list_is_empty()
    {
        await using var api = await TestApi.StartAsync();

        Assert.Empty(await api.GetAsync<List<WorkerResponse>>("/api/v1/workers"));
    }

    private static Task RecordAsync(TestApi api, string id, DateTimeOffset lastHeartbeat) =>
        api.Store.RecordWorkerAsync(new WorkerStatus(id, "cpu", "a processor", 2, 1, [], Stopping: false, lastHeartbeat.AddMinutes(-1), lastHeartbeat));
}
