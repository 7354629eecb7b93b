using Mnas.Workers.Devices;

namespace Mnas.Workers.Training;

/// <summary>How a child is trained: SGD with momentum and weight decay, a cosine schedule over every step.</summary>
public sealed record TrainingOptions
{
    public int Epochs { get; init; } = 5;
    public double LearningRate { get; init; } = 0.05;
    public double Momentum { get; init; } = 0.9;
    public double WeightDecay { get; init; } = 4e-5;
    public double LabelSmoothing { get; init; }
    public long Seed { get; init; }
    public int Threads { get; init; } = Environment.ProcessorCount;

    /// <summary>Where the network, its batches and its loss live: <c>cpu</c>, <c>cuda</c> or <c>cuda:N</c>.</summary>
    public string Device { get; init; } = TorchDevice.Cpu;

    /// <summary>A training loss above this (or not finite) stops the child as diverged.</summary>
    public double DivergenceLoss { get; init; } = 1e3;

    /// <summary>Every problem, each naming its setting.</summary>
    public IEnumerable<string> Validate()
    {
        if (Epochs < 1)
        {
            yield return $"epochs: must be at least 1 (got {Epochs})";
        }
        if (!(LearningRate > 0))
        {
            yield return $"learning_rate: must be positive (got {LearningRate})";
        }
        if (Momentum is < 0 or >= 1)
        {
            yield return $"momentum: must lie in [0, 1) (got {Momentum})";
        }
        if (WeightDecay < 0)
        {
            yield return $"weight_decay: must not be negative (got {WeightDecay})";
        }
        if (LabelSmoothing is < 0 or >= 1)
        {
            yield return $"label_smoothing: must lie in [0, 1) (got {LabelSmoothing})";
        }
        if (Threads < 1)
        {
            yield return $"threads: must be at least 1 (got {Threads})";
        }
        if (TorchDevice.Problem(Device) is { } device)
        {
            yield return $"device: {device}";
        }
        if (!(DivergenceLoss > 0))
        {
            yield return $"divergence_loss: must be positive (got {DivergenceLoss})";
        }
    }

    public void ThrowIfInvalid() => SettingsCheck.ThrowIfAny("training options", Validate());
}
