namespace Mnas.SearchSpace.Spec;

/// <summary>The short training every child gets (MnasNet: 5 epochs on a held-out split) and its optimiser settings.</summary>
public sealed record ProxySpec
{
    public string Dataset { get; init; } = "fashion-mnist";

    public int Epochs { get; init; } = 5;

    public int BatchSize { get; init; } = 64;

    /// <summary>Train on only this many examples; null trains on the whole training split.</summary>
    public int? TrainSubsetSize { get; init; }

    /// <summary>The share of the training split held out for scoring, in (0, 1).</summary>
    public double ValidationFraction { get; init; } = 0.1;

    public double LearningRate { get; init; } = 0.05;

    public double Momentum { get; init; } = 0.9;

    public double WeightDecay { get; init; } = 4e-5;

    public double LabelSmoothing { get; init; }

    public int Seed { get; init; }

    /// <summary>The device class of the workers that train the children (null: any worker).</summary>
    public string? DeviceClass { get; init; }
}
