namespace Mnas.Grains.Trainer;

/// <summary>Who a worker is, as its announcements tell the directory.</summary>
public sealed record WorkerIdentity(string WorkerId, string DeviceClass, string Device, int Threads)
{
    /// <summary>
    /// A new identity on this machine: host name, process id and a random suffix, so restarts are told apart. Its device
    /// is the one it runs children on (<c>cuda:0</c>), with the processor model for <c>cpu</c> (<c>cpu (…)</c>).
    /// </summary>
    public static WorkerIdentity ForThisProcess(string deviceClass, string device, int threads) =>
        new($"{Environment.MachineName}-{Environment.ProcessId}-{Guid.NewGuid().ToString("N")[..6]}", deviceClass,
            device == global::Mnas.Workers.Devices.TorchDevice.Cpu ? $"cpu ({ProcessorName()})" : device, threads);

    private static string ProcessorName()
    {
        try
        {
            var line = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal));
            return line?.Split(':', 2)[1].Trim() ?? "cpu";
        }
        catch (IOException)
        {
            return "cpu";
        }
        catch (UnauthorizedAccessException)
        {
            return "cpu";
        }
    }
}
