using Mnas.Torch;
using Mnas.Torch.Modules;

namespace Mnas.Strategies.Fbnetv3.Prediction;

/// <summary>
/// FBNetV3's predictor network: an encoder of two ReLU layers (<c>hidden1</c>, <c>hidden2</c>) shared by a proxy head
/// (<c>proxy</c>: standardised log multiply-adds and log parameters, the free labels it is pretrained on) and an accuracy
/// head (<c>accuracy</c>: one standardised accuracy).
/// </summary>
internal sealed class PredictorNetwork : Module
{
    public PredictorNetwork(int features, int hiddenUnits)
    {
        hidden1 = register_module(nameof(hidden1), new DenseLayer(features, hiddenUnits));
        hidden2 = register_module(nameof(hidden2), new DenseLayer(hiddenUnits, hiddenUnits));
        proxy = register_module(nameof(proxy), new DenseLayer(hiddenUnits, 2));
        accuracy = register_module(nameof(accuracy), new DenseLayer(hiddenUnits, 1));
    }

    public DenseLayer hidden1 { get; }

    public DenseLayer hidden2 { get; }

    public DenseLayer proxy { get; }

    public DenseLayer accuracy { get; }

    public IEnumerable<DenseLayer> EncoderLayers => [hidden1, hidden2];

    /// <summary>The encoder's parameters, in <see cref="Module.named_parameters"/> order.</summary>
    public IReadOnlyList<(string Name, Parameter Parameter)> EncoderParameters =>
        named_parameters().Where(p => p.Name.StartsWith("hidden", StringComparison.Ordinal)).ToList();

    /// <summary>The shared representation of a batch of encoded pairs, [batch, hidden units].</summary>
    public Tensor Encode(Tensor features)
    {
        using var scope = torch.NewDisposeScope();
        var first = hidden1.forward(features).relu();
        return hidden2.forward(first).relu().MoveToOuterDisposeScope();
    }
}
