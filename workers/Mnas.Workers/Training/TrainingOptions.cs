using Mnas.SearchSpace.Spec;
using Mnas.Workers.Devices;

namespace Mnas.Workers.Training;

/// <summary>
/// How a child is trained: the optimiser (SGD with momentum by default) with weight decay, a cosine schedule over every
/// step, and the regularisation of its recipe (label smoothing, dropout, stochastic depth, mixup, a moving average of the
/// weights). At their defaults the recipe's extras are off.
/// </summary>
public sealed record TrainingOptions
{
    public int Epochs { get; init; } = 5;

    /// <summary><c>sgd</c> or <c>rmsprop</c> (both with <see cref="Momentum"/>), or <c>adamw</c> (<see cref="WeightDecay"/> decoupled).</summary>
    public string Optimizer { get; init; } = ProxySpec.Sgd;

    public double LearningRate { get; init; } = 0.05;
    public double Momentum { get; init; } = 0.9;
    public double WeightDecay { get; init; } = 4e-5;
    public double LabelSmoothing { get; init; }

    /// <summary>The classifier's dropout; null keeps the architecture's.</summary>
    public double? Dropout { get; init; }

    /// <summary>The chance that the last residual layer's branch is dropped for an image while training (earlier layers' in proportion).</summary>
    public double StochasticDepth { get; init; }

    /// <summary>Mixup's α (batches mixed by λ ~ Beta(α, α)); 0 trains on the plain batches.</summary>
    public double MixupAlpha { get; init; }

    /// <summary>The decay of the moving average of the weights that the child is scored and kept with; 0 keeps none.</summary>
    public double EmaDecay { get; init; }

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
        if (!ProxySpec.Optimizers.Contains(Optimizer))
        {
            yield return $"optimizer: must be one of {string.Join(", ", ProxySpec.Optimizers)} (got '{Optimizer}')";
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
        if (Dropout is { } dropout && !(dropout is >= 0 and < 1))
        {
            yield return $"dropout: must lie in [0, 1) (got {dropout})";
        }
        if (!(StochasticDepth is >= 0 and < 1))
        {
            yield return $"stochastic_depth: must lie in [0, 1) (got {StochasticDepth})";
        }
        if (!(MixupAlpha >= 0) || double.IsPositiveInfinity(MixupAlpha))
        {
            yield return $"mixup_alpha: must be 0 or more and finite (got {MixupAlpha})";
        }
        if (!(EmaDecay is >= 0 and < 1))
        {
            yield return $"ema_decay: must lie in [0, 1) (got {EmaDecay})";
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
