using Mnas.Costs.Graph;
using Mnas.SearchSpace.Architectures;
using Mnas.Torch;
using Mnas.Torch.Modules;

namespace Mnas.Workers.Networks.Child;

/// <summary>
/// The network an <see cref="Architecture"/> describes: stem conv, every block's layers (the first
/// with the block's stride), 1×1 head conv, global average pool, dropout, linear classifier. A training recipe may
/// override the architecture's dropout and give the residual layers stochastic depth.
/// </summary>
public sealed class ChildNetwork : Module<Tensor, Tensor>
{
    private readonly ConvBn stem;
    private readonly Sequential layers;
    private readonly ConvBn head;
    private readonly Dropout dropout;
    private readonly Linear classifier;

    /// <param name="dropout">The classifier's dropout, in [0, 1); null keeps the architecture's.</param>
    /// <param name="stochasticDepth">
    /// The last residual layer's chance of dropping its branch in training, in [0, 1): the l-th of L residual layers gets
    /// stochasticDepth·l/L (EfficientNet's linear rule).
    /// </param>
    public ChildNetwork(Architecture architecture, double? dropout = null, double stochasticDepth = 0)
    {
        if (dropout is { } p && !(p is >= 0 and < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(dropout), p, "must lie in [0, 1)");
        }
        if (!(stochasticDepth is >= 0 and < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(stochasticDepth), stochasticDepth, "must lie in [0, 1)");
        }
        Architecture = architecture;
        var act = architecture.Activation;
        stem = register_module("stem", new ConvBn(architecture.Input.Channels, architecture.StemChannels, 3, architecture.StemStride, 1, act));
        var graph = LayerGraph.FromArchitecture(architecture);
        var residual = graph.Layers.Count(l => l.Config.Shortcut != LayerShortcut.None);
        var residualIndex = 0;
        var built = new List<(string, Module<Tensor, Tensor>)>();
        foreach (var layer in graph.Layers)
        {
            var dropChance = layer.Config.Shortcut == LayerShortcut.None ? 0 : stochasticDepth * ++residualIndex / residual;
            built.Add((layer.Name.Replace('.', '_'), new ChildLayer(layer.Config, dropChance)));
        }
        layers = register_module("layers", new Sequential(built.ToArray()));
        var channels = graph.Layers.Count > 0 ? graph.Layers[^1].Config.OutChannels : architecture.StemChannels;
        head = register_module("head", new ConvBn(channels, architecture.HeadChannels, 1, 1, 1, act));
        this.dropout = register_module("dropout", new Dropout(dropout ?? architecture.Dropout));
        classifier = register_module("classifier", new Linear(architecture.HeadChannels, architecture.Classes));
        MobileNetInitialisation.Apply(this);
    }

    public Architecture Architecture { get; }

    /// <summary>The classifier's dropout: the architecture's unless the network was built with another.</summary>
    public double DropoutRate => dropout.P;

    public override Tensor forward(Tensor input)
    {
        using var scope = torch.NewDisposeScope();
        var features = head.forward(layers.forward(stem.forward(input)));
        var pooled = torch.nn.functional.adaptive_avg_pool2d(features, 1).flatten(1);
        return classifier.forward(dropout.forward(pooled)).MoveToOuterDisposeScope();
    }
}
