namespace Mnas.SearchSpace.Spec;

/// <summary>
/// The short training every child gets (MnasNet: 5 epochs on a held-out split) and its recipe: the optimiser and its
/// settings, and the regularisation (label smoothing, dropout, stochastic depth, mixup, an exponential moving average of
/// the weights). An FBNetV3 campaign searches these per child (<see cref="Fbnetv3Spec.Recipe"/>); every other campaign
/// trains all its children with the values given here.
/// </summary>
public sealed record ProxySpec
{
    public const string Sgd = "sgd";
    public const string RmsProp = "rmsprop";
    public const string AdamW = "adamw";

    /// <summary>The optimisers a child may train with.</summary>
    public static IReadOnlyList<string> Optimizers { get; } = [Sgd, RmsProp, AdamW];

    public string Dataset { get; init; } = "fashion-mnist";

    public int Epochs { get; init; } = 5;

    public int BatchSize { get; init; } = 64;

    /// <summary>Train on only this many examples; null trains on the whole training split.</summary>
    public int? TrainSubsetSize { get; init; }

    /// <summary>The share of the training split held out for scoring, in (0, 1).</summary>
    public double ValidationFraction { get; init; } = 0.1;

    /// <summary><c>sgd</c> (with <see cref="Momentum"/>), <c>rmsprop</c> (with <see cref="Momentum"/>) or <c>adamw</c> (decoupled weight decay).</summary>
    public string Optimizer { get; init; } = Sgd;

    public double LearningRate { get; init; } = 0.05;

    public double Momentum { get; init; } = 0.9;

    public double WeightDecay { get; init; } = 4e-5;

    public double LabelSmoothing { get; init; }

    /// <summary>The classifier's dropout while training; null keeps the skeleton's (<c>skeleton.dropout</c>).</summary>
    public double? Dropout { get; init; }

    /// <summary>The chance that the last residual layer's branch is dropped for an image while training; earlier layers' grows linearly from 0.</summary>
    public double StochasticDepth { get; init; }

    /// <summary>Mixup's α: each batch is mixed with a shuffled copy of itself by λ ~ Beta(α, α); 0 trains on the plain batch.</summary>
    public double MixupAlpha { get; init; }

    /// <summary>The decay of an exponential moving average of the weights, which is what the child is scored (and kept) with; 0 keeps none.</summary>
    public double EmaDecay { get; init; }

    public int Seed { get; init; }

    /// <summary>The device class of the workers that train the children (null: any worker).</summary>
    public string? DeviceClass { get; init; }
}
