using Mnas.Host.Configuration;
using Mnas.Torch;
using Mnas.Workers.Devices;

namespace Mnas.Workers.Tests;

public class TorchDeviceTests
{
    [Theory]
    [InlineData("cpu")]
    [InlineData("cuda")]
    [InlineData("cuda:0")]
    [InlineData("cuda:12")]
    public void cpu_cuda_and_cuda_with_an_index_are_devices(string device) => Assert.Null(TorchDevice.Problem(device));

    [Theory]
    [InlineData("gpu")]
    [InlineData("cuda:")]
    [InlineData("cuda:-1")]
    [InlineData("cuda:x")]
    [InlineData("cuda:01")]
    [InlineData("CPU")]
    [InlineData("cpu ")]
    [InlineData("cpu\n")]
    [InlineData("cuda:1234567")]
    [InlineData("")]
    [InlineData(null)]
    public void anything_else_is_refused_with_what_was_given(string? device) =>
        Assert.Equal($"must be cpu, cuda or cuda:N (got '{device}')", TorchDevice.Problem(device));

    [Theory]
    [InlineData("cuda", 0)]
    [InlineData("cuda:0", 0)]
    [InlineData("cuda:12", 12)]
    public void a_cuda_device_has_an_index(string device, int index) => Assert.Equal(index, TorchDevice.CudaIndex(device));

    [Theory]
    [InlineData("gpu")]
    [InlineData("cuda:x")]
    [InlineData("CPU ")]
    [InlineData("cuda:-1")]
    public void a_malformed_worker_device_is_refused_naming_worker_device(string device)
    {
        var error = Assert.Throws<SettingsException>(() => HostSettings.Load(null, [$"worker.device={device}"], new Dictionary<string, string?>()));
        Assert.Contains(error.Problems, p => p.StartsWith("worker.device: must be cpu, cuda or cuda:N (got '", StringComparison.Ordinal));
    }

    [Fact]
    public void worker_device_reaches_the_runtime_from_every_source()
    {
        Assert.Equal("cpu", HostSettings.Load(null, [], new Dictionary<string, string?>()).Runtime.Device);
        Assert.Equal("cuda:3", HostSettings.Load(null, ["worker.device=cuda:3"], new Dictionary<string, string?>()).Runtime.Device);
        Assert.Equal("cuda", HostSettings.Load(null, [], new Dictionary<string, string?> { ["MNAS_WORKER__DEVICE"] = "cuda" }).Runtime.Device);
    }

    [Fact]
    public void the_cpu_is_always_available() => Assert.Null(TorchDevice.Unavailable("cpu"));

    [Fact]
    public void a_cuda_index_past_the_devices_libtorch_sees_is_unavailable_with_the_count()
    {
        var count = torch.cuda.is_available() ? torch.cuda.device_count() : 0;
        var problem = TorchDevice.Unavailable("cuda:999999");
        Assert.NotNull(problem);
        Assert.StartsWith($"cuda:999999 asked for, but this libtorch sees {count} CUDA device", problem);
    }

    [Fact]
    public void cuda_is_unavailable_exactly_when_libtorch_sees_no_cuda_device()
    {
        var problem = TorchDevice.Unavailable("cuda");
        if (torch.cuda.is_available())
        {
            Assert.Null(problem);
        }
        else
        {
            Assert.Equal("cuda asked for, but this libtorch sees 0 CUDA devices (a CPU-only build?)", problem);
        }
    }
}
