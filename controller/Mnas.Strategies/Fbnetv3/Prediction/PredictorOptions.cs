using Mnas.SearchSpace.Spec;

namespace Mnas.Strategies.Fbnetv3.Prediction;

/// <summary>
/// The accuracy predictor's settings. Defaults are FBNetV3's: an encoder of two hidden layers, pretrained on the free
/// labels of random architectures (multiply-adds, parameters), then fitted to the trained children's accuracies with a
/// Huber loss — the first <see cref="FrozenEpochs"/> of <see cref="Epochs"/> with the encoder frozen, the rest with the
/// whole network at a learning rate decaying to zero. Check them with <see cref="PredictorOptionsValidator"/>.
/// </summary>
public sealed record PredictorOptions
{
    /// <summary>Units of each of the encoder's two hidden layers.</summary>
    public int HiddenUnits { get; init; } = 64;

    /// <summary>Passes over the free-label architectures in <see cref="AccuracyPredictor.Pretrain"/>.</summary>
    public int PretrainEpochs { get; init; } = 40;

    /// <summary>Passes over the trained children in <see cref="AccuracyPredictor.Fit"/>, <see cref="FrozenEpochs"/> included.</summary>
    public int Epochs { get; init; } = 300;

    /// <summary>The first of <see cref="Epochs"/>, in which only the accuracy head trains.</summary>
    public int FrozenEpochs { get; init; } = 100;

    /// <summary>Adam's learning rate; after the frozen epochs it decays to zero along a cosine.</summary>
    public double LearningRate { get; init; } = 3e-3;

    /// <summary>Where the Huber loss turns from quadratic to linear, in accuracy units (0.05: five points).</summary>
    public double HuberDelta { get; init; } = 0.05;

    public int BatchSize { get; init; } = 64;

    /// <summary>Seeds the weights and the minibatch order; the same seed and data give the same predictor.</summary>
    public ulong Seed { get; init; }

    /// <summary>The predictor a campaign's fbnetv3 section asks for.</summary>
    public static PredictorOptions From(Fbnetv3Spec spec, ulong seed)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return new PredictorOptions
        {
            HiddenUnits = spec.HiddenUnits,
            PretrainEpochs = spec.PretrainEpochs,
            Epochs = spec.PredictorEpochs,
            FrozenEpochs = spec.FrozenEpochs,
            LearningRate = spec.PredictorLearningRate,
            Seed = seed,
        };
    }
}
