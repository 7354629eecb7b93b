using Mnas.Campaigns;
using Mnas.Grains.Contracts;
using Mnas.Grains.Hosting;
using Mnas.Grains.Trainer;

namespace Mnas.Grains.Tests;

/// <summary>A worker's device: what its announcements report, and its refusal of a device this libtorch cannot use.</summary>
public sealed class WorkerDeviceTests : IDisposable
{
    private readonly string data = Path.Combine(Path.GetTempPath(), $"mnas-worker-device-{Guid.NewGuid():N}");

    public void Dispose()
    {
        if (Directory.Exists(data))
        {
            Directory.Delete(data, recursive: true);
        }
    }

    [Fact(Timeout = 60_000)]
    public async Task the_worker_status_carries_the_configured_device()
    {
        var options = new RuntimeOptions
        {
            DataDirectory = data, Workers = 1, Device = "cpu",
            AnnounceInterval = TimeSpan.FromMilliseconds(100),
        };
        await using var host = await CampaignHost.StartAsync(options, _ => new FakeTrainer());

        // The directory writes the workers it knows to the store every few announce intervals.
        IReadOnlyList<WorkerStatus> listed;
        while ((listed = await host.Store.ListWorkersAsync()).Count == 0)
        {
            await Task.Delay(20);
        }

        var worker = Assert.Single(listed);
        Assert.StartsWith("cpu (", worker.Device);
        Assert.Equal((host.Worker.Id, host.Worker.Identity.Device), (worker.WorkerId, worker.Device));
        var announced = Assert.Single((await host.Grains.GetGrain<IWorkerDirectoryGrain>(0).Roster()).Workers);
        Assert.Equal(worker.Device, announced.Device);
    }

    [Fact]
    public void a_cuda_worker_reports_its_cuda_device_as_configured()
    {
        var identity = WorkerIdentity.ForThisProcess("cuda-a100", "cuda:1", 8);
        Assert.Equal(("cuda-a100", "cuda:1"), (identity.DeviceClass, identity.Device));
    }

    [Fact]
    public async Task a_worker_asked_for_a_cuda_device_its_libtorch_lacks_refuses_to_start_naming_worker_device()
    {
        var options = new RuntimeOptions { DataDirectory = data, Workers = 1, Device = "cuda:999999" };

        var error = await Assert.ThrowsAsync<ArgumentException>(() => CampaignHost.StartAsync(options, _ => new FakeTrainer()));

        Assert.StartsWith("worker.device: cuda:999999 asked for, but this libtorch sees ", error.Message);
        Assert.False(Directory.Exists(data), "nothing was started, not even the logs");
    }

    [Fact]
    public void a_malformed_device_is_a_runtime_options_problem()
    {
        Assert.Contains("device: must be cpu, cuda or cuda:N (got 'gpu')", new RuntimeOptions { Device = "gpu" }.Validate());
    }
}
