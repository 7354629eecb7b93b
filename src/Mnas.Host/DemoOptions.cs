namespace Mnas.Host;

/// <summary>Settings of the demo run; <see cref="Validate"/> names the first bad one.</summary>
public sealed record DemoOptions(int Steps, int Batch, int Threads, long Seed, double LearningRate, string Device = "cpu")
{
    public IEnumerable<string> Validate()
    {
        if (Steps < 1)
        {
            yield return $"--steps must be at least 1 (got {Steps})";
        }
        if (Batch < 1)
        {
            yield return $"--batch must be at least 1 (got {Batch})";
        }
        if (Threads < 1)
        {
            yield return $"--threads must be at least 1 (got {Threads})";
        }
        if (!(LearningRate > 0))
        {
            yield return $"--lr must be positive (got {LearningRate})";
        }
        if (Mnas.Workers.Devices.TorchDevice.Problem(Device) is { } device)
        {
            yield return $"--device {device}";
        }
    }
}
