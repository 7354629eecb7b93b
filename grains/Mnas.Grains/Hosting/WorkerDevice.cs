using Mnas.Workers.Devices;

namespace Mnas.Grains.Hosting;

/// <summary>
/// A worker starts only on a device this process's libtorch can use: asked for CUDA where it sees none, it refuses rather
/// than train on the CPU behind the setting's back.
/// </summary>
public static class WorkerDevice
{
    public const string Setting = "worker.device";

    /// <exception cref="ArgumentException">One line naming the setting and what libtorch reported.</exception>
    public static void ThrowIfUnavailable(string device)
    {
        if (TorchDevice.Unavailable(device) is { } problem)
        {
            throw new ArgumentException($"{Setting}: {problem}");
        }
    }
}
