using Mnas.Workers.Devices;

namespace Mnas.Workers.Training;

/// <summary>How a proxy task's data is prepared; <see cref="Validate"/> names each bad setting.</summary>
public sealed record ProxyTaskOptions
{
    public int BatchSize { get; init; } = 128;
    public double ValidationFraction { get; init; } = 0.1;
    public int? TrainSubset { get; init; }
    public int? ValidationSubset { get; init; }
    /// <summary>Random crops and flips; off by default, since they slow the few epochs a proxy task has.</summary>
    public bool Augment { get; init; }
    public int Seed { get; init; }

    /// <summary>Where the batches are made, so that they need no copy before training on that device.</summary>
    public string Device { get; init; } = TorchDevice.Cpu;

    public IEnumerable<string> Validate()
    {
        if (BatchSize < 1)
        {
            yield return $"batch_size: must be at least 1 (got {BatchSize})";
        }
        if (ValidationFraction is <= 0 or >= 1)
        {
            yield return $"validation_fraction: must lie in (0, 1) (got {ValidationFraction})";
        }
        if (TrainSubset is < 1)
        {
            yield return $"train_subset: must be at least 1 (got {TrainSubset})";
        }
        if (ValidationSubset is < 1)
        {
            yield return $"validation_subset: must be at least 1 (got {ValidationSubset})";
        }
        if (TorchDevice.Problem(Device) is { } device)
        {
            yield return $"device: {device}";
        }
    }

    public void ThrowIfInvalid() => SettingsCheck.ThrowIfAny("proxy task options", Validate());
}
