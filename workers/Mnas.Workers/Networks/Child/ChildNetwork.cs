using Mnas.Costs.Graph;
using Mnas.SearchSpace.Architectures;
using Mnas.Torch;
using Mnas.Torch.Modules;

namespace Mnas.Workers.Networks.Child;

/// <summary>
/// The network an <see cref="Architecture"/> describes: stem conv, every block's layers (the first
/// with the block's stride), 1×1 head conv, global average pool, dropout, linear classifier.
/// </summary>
public sealed class ChildNetwork : Module<Tensor, Tensor>
{
    private readonly ConvBn stem;
    private readonly Sequential layers;
    private readonly ConvBn head;
    private readonly Dropout dropout;
    private readonly Linear classifier;

    public ChildNetwork(Architecture architecture)
    {
        Architecture = architecture;
        var act = architecture.Activation;
        stem = register_module("stem", new ConvBn(architecture.Input.Channels, architecture.StemChannels, 3, architecture.StemStride, 1, act));
        var graph = LayerGraph.FromArchitecture(architecture);
        layers = register_module("layers", new Sequential(
            graph.Layers.Select(l => (l.Name.Replace('.', '_'), (Module<Tensor, Tensor>)new ChildLayer(l.Config))).ToArray()));
        var channels = graph.Layers.Count > 0 ? graph.Layers[^1].Config.OutChannels : architecture.StemChannels;
        head = register_module("head", new ConvBn(channels, architecture.HeadChannels, 1, 1, 1, act));
        dropout = register_module("dropout", new Dropout(architecture.Dropout));
        classifier = register_module("classifier", new Linear(architecture.HeadChannels, architecture.Classes));
        MobileNetInitialisation.Apply(this);
    }

    public Architecture Architecture { get; }

    public override Tensor forward(Tensor input)
    {
        using var scope = torch.NewDisposeScope();
        var features = head.forward(layers.forward(stem.forward(input)));
        var pooled = torch.nn.functional.adaptive_avg_pool2d(features, 1).flatten(1);
        return classifier.forward(dropout.forward(pooled)).MoveToOuterDisposeScope();
    }
}
