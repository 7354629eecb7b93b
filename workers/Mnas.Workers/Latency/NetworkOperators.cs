using Mnas.Costs.Graph;
using Mnas.SearchSpace.Architectures;
using Mnas.Torch;
using Mnas.Torch.Modules;
using Mnas.Workers.Networks.Child;

namespace Mnas.Workers.Latency;

/// <summary>One operator of a network: its table key, the module that computes it alone, and its input shape.</summary>
public sealed record NetworkOperator(string Key, Func<Module<Tensor, Tensor>> Build, long[] InputShape)
{
    /// <summary>Its multiply-adds per image (see <see cref="LayerGraph.Macs"/>).</summary>
    public long Macs { get; init; }
}

/// <summary>Splits an architecture into the operators a latency table times separately.</summary>
/// <remarks>Nothing is built until an operator's <see cref="NetworkOperator.Build"/> is called: listing them needs no engine.</remarks>
public static class NetworkOperators
{
    public static IReadOnlyList<NetworkOperator> Of(Architecture architecture)
    {
        var graph = LayerGraph.FromArchitecture(architecture);
        var a = architecture;
        var list = new List<NetworkOperator>
        {
            new(OperatorKey.Stem(a), () => new ConvBn(a.Input.Channels, a.StemChannels, 3, a.StemStride, 1, a.Activation),
                [1, a.Input.Channels, a.Input.Height, a.Input.Width]) { Macs = MacsOf(graph, "stem") },
        };
        foreach (var layer in graph.Layers)
        {
            var c = layer.Config;
            list.Add(new(OperatorKey.Layer(c), () => new ChildLayer(c), [1, c.InChannels, c.InputHeight, c.InputWidth]) { Macs = layer.Macs });
        }
        var headInput = graph.Nodes.First(n => n.Name.StartsWith("head.", StringComparison.Ordinal)).Inputs[0];
        var shape = graph.Nodes[headInput].Output;
        list.Add(new(OperatorKey.Head(a, shape.Channels, shape.Height, shape.Width), () => new HeadOperator(a, shape.Channels), [1, shape.Channels, shape.Height, shape.Width])
        {
            Macs = MacsOf(graph, "head") + MacsOf(graph, "classifier"),
        });
        return list;
    }

    /// <summary>The table keys of the architecture's operators, in execution order (a key repeats for identical layers).</summary>
    public static IReadOnlyList<string> Keys(Architecture architecture) => Of(architecture).Select(op => op.Key).ToList();

    private static long MacsOf(LayerGraph graph, string part) =>
        graph.Nodes.Where(n => n.Name == part || n.Name.StartsWith(part + ".", StringComparison.Ordinal)).Sum(n => n.Macs);

    /// <summary>The network's tail: 1×1 head conv, global average pool, linear classifier.</summary>
    private sealed class HeadOperator : Module<Tensor, Tensor>
    {
        private readonly ConvBn head;
        private readonly Linear classifier;

        public HeadOperator(Architecture a, int inChannels)
        {
            head = register_module("head", new ConvBn(inChannels, a.HeadChannels, 1, 1, 1, a.Activation));
            classifier = register_module("classifier", new Linear(a.HeadChannels, a.Classes));
        }

        public override Tensor forward(Tensor input)
        {
            using var scope = torch.NewDisposeScope();
            var pooled = torch.nn.functional.adaptive_avg_pool2d(head.forward(input), 1).flatten(1);
            return classifier.forward(pooled).MoveToOuterDisposeScope();
        }
    }
}
