using Mnas.SearchSpace.Architectures;

namespace Mnas.Costs.Graph;

/// <summary>
/// An architecture expanded into operators, in execution order, for a batch of one image at
/// inference: node 0 is the input, the last node the logits. Dropout (the identity at inference)
/// and flatten (a view) have no node. Inside a block layer the main branch runs first, then the
/// shortcut, then the add. <see cref="Layers"/> is the coarser list of block layers.
/// </summary>
public sealed class LayerGraph
{
    internal LayerGraph(string name, IReadOnlyList<OpNode> nodes, IReadOnlyList<BlockLayer> layers)
    {
        Name = name;
        Nodes = nodes;
        Layers = layers;
    }

    public string Name { get; }

    public IReadOnlyList<OpNode> Nodes { get; }

    public IReadOnlyList<BlockLayer> Layers { get; }

    public OpNode Output => Nodes[^1];

    /// <summary>Parameters, BatchNorm weight and bias included, running statistics not.</summary>
    public long Params => Nodes.Sum(n => n.Params);

    /// <summary>Multiply-adds of the convolutions and the linear layer (see <see cref="OpCosts"/>).</summary>
    public long Macs => Nodes.Sum(n => n.Macs);

    /// <summary>Parameters as float32.</summary>
    public long ParamBytes => Params * TensorShape.ElementBytes;

    public static LayerGraph FromArchitecture(Architecture architecture) => ArchitectureExpander.Expand(architecture);
}
