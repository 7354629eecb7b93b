using Mnas.Workers.Devices;

namespace Mnas.Workers.Latency;

/// <summary>How latency is measured: batch 1, warm-up runs, then the median of <see cref="Runs"/> timed runs on fixed threads.</summary>
public sealed record LatencyOptions
{
    public int Warmup { get; init; } = 10;
    public int Runs { get; init; } = 30;
    public int Threads { get; init; } = 1;
    public string Device { get; init; } = TorchDevice.Cpu;

    public IEnumerable<string> Validate()
    {
        if (Warmup < 0)
        {
            yield return $"warmup: must not be negative (got {Warmup})";
        }
        if (Runs < 3)
        {
            yield return $"runs: must be at least 3 (got {Runs})";
        }
        if (Threads < 1)
        {
            yield return $"threads: must be at least 1 (got {Threads})";
        }
        if (TorchDevice.Problem(Device) is { } device)
        {
            yield return $"device: {device}";
        }
    }

    public void ThrowIfInvalid() => SettingsCheck.ThrowIfAny("latency options", Validate());
}
