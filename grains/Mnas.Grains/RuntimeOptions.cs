namespace Mnas.Grains;

/// <summary>How the campaign runtime runs on this machine; <see cref="Validate"/> names every bad setting.</summary>
public sealed record RuntimeOptions
{
    /// <summary>Where campaigns keep their store, weights and logs.</summary>
    public string DataDirectory { get; init; } = Path.Combine(Environment.CurrentDirectory, ".mnas");

    /// <summary>The dataset cache; null for the default (see the datasets' cache directory rule).</summary>
    public string? DatasetCache { get; init; }

    /// <summary>Children evaluated at once by this process's worker; 0 runs no worker here (a controller silo of a cluster).</summary>
    public int Workers { get; init; } = 1;

    /// <summary>This process runs campaign grains (a controller silo); off in a worker silo of a cluster.</summary>
    public bool Coordinates { get; init; } = true;

    public int ThreadsPerWorker { get; init; } = Math.Max(1, Environment.ProcessorCount);
    public int LatencyThreads { get; init; } = 1;
    public int LatencyRuns { get; init; } = 15;
    public int LatencyWarmup { get; init; } = 3;

    /// <summary>Attempts a child gets before it is recorded as failed.</summary>
    public int MaxAttempts { get; init; } = 3;

    /// <summary>How often a worker announces itself and the children it runs to the directory (and the store's worker list is written).</summary>
    public TimeSpan AnnounceInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// What this process's worker runs: <c>pipeline</c> (train the proxy view, measure latency: the default) or
    /// <c>simulated</c> (waits <see cref="SimulatedSeconds"/> and trains nothing; for exercising a deployment).
    /// </summary>
    public string Trainer { get; init; } = PipelineTrainer;

    /// <summary>How long a simulated child takes.</summary>
    public TimeSpan SimulatedSeconds { get; init; } = TimeSpan.FromSeconds(1);

    public const string PipelineTrainer = "pipeline";
    public const string SimulatedTrainer = "simulated";

    /// <summary>The device class of this machine's workers (latency is measured per class).</summary>
    public string DeviceClass { get; init; } = "cpu";

    /// <summary>Where this process's worker trains and measures children: <c>cpu</c>, <c>cuda</c> or <c>cuda:N</c>.</summary>
    public string Device { get; init; } = Mnas.Workers.Devices.TorchDevice.Cpu;

    public IEnumerable<string> Validate()
    {
        if (string.IsNullOrWhiteSpace(DataDirectory))
        {
            yield return "data_directory: must be set";
        }
        if (Workers < 0)
        {
            yield return $"workers: must not be negative (got {Workers})";
        }
        if (Workers == 0 && !Coordinates)
        {
            yield return "workers: a process that does not coordinate must run a worker (at least 1 slot)";
        }
        if (ThreadsPerWorker < 1)
        {
            yield return $"threads_per_worker: must be at least 1 (got {ThreadsPerWorker})";
        }
        if (LatencyThreads < 1)
        {
            yield return $"latency_threads: must be at least 1 (got {LatencyThreads})";
        }
        if (LatencyRuns < 3)
        {
            yield return $"latency_runs: must be at least 3 (got {LatencyRuns})";
        }
        if (MaxAttempts < 1)
        {
            yield return $"max_attempts: must be at least 1 (got {MaxAttempts})";
        }
        if (Trainer is not (PipelineTrainer or SimulatedTrainer))
        {
            yield return $"trainer: must be {PipelineTrainer} or {SimulatedTrainer} (got '{Trainer}')";
        }
        if (SimulatedSeconds < TimeSpan.Zero)
        {
            yield return $"simulated_seconds: must not be negative (got {SimulatedSeconds.TotalSeconds})";
        }
        if (AnnounceInterval <= TimeSpan.Zero)
        {
            yield return $"announce_interval: must be positive (got {AnnounceInterval})";
        }
        if (!Mnas.SearchSpace.Contract.CampaignRanges.IsDeviceClass(DeviceClass))
        {
            yield return $"device_class: {Mnas.SearchSpace.Contract.CampaignRanges.DeviceClassRule} (got '{DeviceClass}')";
        }
        if (Mnas.Workers.Devices.TorchDevice.Problem(Device) is { } device)
        {
            yield return $"device: {device}";
        }
    }

    public void ThrowIfInvalid() => Mnas.Workers.SettingsCheck.ThrowIfAny("runtime options", Validate());
}
