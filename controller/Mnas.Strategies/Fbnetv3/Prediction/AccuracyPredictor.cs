using Mnas.Strategies.Randomness;
using Mnas.Torch;

namespace Mnas.Strategies.Fbnetv3.Prediction;

/// <summary>
/// FBNetV3's accuracy predictor over encoded (architecture, recipe) pairs (<see cref="PairEncoder"/>). An encoder shared
/// by two heads is first pretrained on free labels — the multiply-adds and parameters of many random architectures,
/// which cost no training (<see cref="Pretrain"/>) — and then fitted to the accuracies of the trained children
/// (<see cref="Fit"/>): a fresh accuracy head on the frozen pretrained encoder, then the whole network with a learning
/// rate decaying to zero. Weights and minibatch orders come from one generator seeded by
/// <see cref="PredictorOptions.Seed"/>; <see cref="Save"/> keeps it with the weights, so a loaded predictor predicts and
/// refits exactly as the one saved would have.
/// </summary>
public sealed partial class AccuracyPredictor : IDisposable
{
    private readonly PredictorNetwork network;
    private readonly PredictorOptions options;
    private Xoshiro256StarStar rng;
    private float[][]? pretrainedEncoder;
    private Standardisation macs = Standardisation.Identity;
    private Standardisation parameterCount = Standardisation.Identity;
    private Standardisation accuracy = Standardisation.Identity;

    public AccuracyPredictor(int features, PredictorOptions options)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(features);
        ArgumentNullException.ThrowIfNull(options);
        PredictorOptionsValidator.Instance.ThrowIfInvalid(options);
        Features = features;
        this.options = options;
        rng = new Xoshiro256StarStar(options.Seed);
        network = new PredictorNetwork(features, options.HiddenUnits);
        foreach (var (_, layer) in network.named_children())
        {
            ((DenseLayer)layer).Initialize(rng);
        }
    }

    /// <summary>The length of every feature vector this predictor reads.</summary>
    public int Features { get; }

    /// <summary>Whether <see cref="Pretrain"/> has run: <see cref="Fit"/> then starts from its encoder.</summary>
    public bool Pretrained => pretrainedEncoder is not null;

    /// <summary>Whether <see cref="Fit"/> has run, so that <see cref="Predict"/> can.</summary>
    public bool Fitted { get; private set; }

    /// <summary>The predicted accuracy of each encoded pair, on the scale of the accuracies it was fitted to.</summary>
    public double[] Predict(IReadOnlyList<float[]> features)
    {
        if (!Fitted)
        {
            throw new InvalidOperationException("the predictor predicts only once it has been fitted to trained children");
        }

        CheckFeatures(features, nameof(features));
        if (features.Count == 0)
        {
            return [];
        }

        using var scope = torch.NewDisposeScope();
        using var noGrad = torch.no_grad();
        network.eval();
        var inputs = Stack(features);
        var predictions = network.accuracy.forward(network.Encode(inputs)).data<float>();
        return predictions.Select(p => accuracy.Inverse(p)).ToArray();
    }

    public void Dispose() => network.Dispose();

    private void CheckFeatures(IReadOnlyList<float[]> features, string name)
    {
        ArgumentNullException.ThrowIfNull(features, name);
        for (var i = 0; i < features.Count; i++)
        {
            if (features[i] is not { } row || row.Length != Features)
            {
                throw new ArgumentException($"{name}[{i}]: needs {Features} features, got {features[i]?.Length.ToString() ?? "null"}", name);
            }
        }
    }

    private static Tensor Stack(IReadOnlyList<float[]> rows)
    {
        var width = rows[0].Length;
        var data = new float[rows.Count * width];
        for (var i = 0; i < rows.Count; i++)
        {
            rows[i].CopyTo(data, i * width);
        }

        return torch.tensor(data, [rows.Count, width]);
    }
}
