namespace Mnas.Api.Tests;

/// <summary>
/// <c>mnas worker</c> asked for a device it cannot use: it refuses to start with one line naming <c>worker.device</c> —
/// no stack trace, and no training on the CPU instead.
/// </summary>
public sealed class WorkerDeviceCommandTests : IDisposable
{
    private readonly string data = Path.Combine(Path.GetTempPath(), $"mnas-worker-device-{Guid.NewGuid():N}");

    public void Dispose()
    {
        if (Directory.Exists(data))
        {
            Directory.Delete(data, recursive: true);
        }
    }

    // A cluster worker's settings; the membership database is never reached, since the worker refuses first.
    private Task<(int ExitCode, string Output)> Worker(string device) =>
        MnasCommand.RunAsync("worker", [$"data_directory={data}", "cluster.membership=postgres", "cluster.connection_string=Host=127.0.0.1;Port=1",
            $"worker.device={device}"]);

    private static void AssertOneClearLine(string output, string expected)
    {
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.True(lines.Length == 1, $"expected one line, got:\n{output}");
        Assert.StartsWith(expected, lines[0]);
        Assert.DoesNotContain("Exception", output);
        Assert.DoesNotContain(" at ", output);
    }

    [CpuOnlyFact]
    public async Task a_worker_asked_for_cuda_on_a_cpu_only_libtorch_refuses_to_start_OnCpuOnlyBuild()
    {
        var (exitCode, output) = await Worker("cuda");

        Assert.Equal(2, exitCode);
        AssertOneClearLine(output, "mnas: worker.device: cuda asked for, but this libtorch sees 0 CUDA devices (a CPU-only build?)");
        Assert.DoesNotContain("ready", output);
    }

    [Fact]
    public async Task a_worker_asked_for_a_cuda_index_past_its_devices_refuses_to_start()
    {
        var (exitCode, output) = await Worker("cuda:999999");

        Assert.Equal(2, exitCode);
        AssertOneClearLine(output, "mnas: worker.device: cuda:999999 asked for, but this libtorch sees ");
    }

    [Fact]
    public async Task a_worker_with_a_malformed_device_is_refused_naming_worker_device()
    {
        var (exitCode, output) = await Worker("cuda:x");

        Assert.Equal(2, exitCode);
        Assert.Contains("worker.device: must be cpu, cuda or cuda:N (got 'cuda:x')", output);
        Assert.DoesNotContain("Exception", output);
    }
}
