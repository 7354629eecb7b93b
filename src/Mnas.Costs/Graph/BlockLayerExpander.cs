using Mnas.SearchSpace.Architectures;

namespace Mnas.Costs.Graph;

/// <summary>
/// The operators of one block layer, after the rules of <see cref="ConvOp"/>, <see cref="SkipOp"/> and
/// <see cref="BlockSpec"/>: every convolution is bias-free and followed by BatchNorm; the 1×1
/// projections have no activation; SE sits on the depthwise output (on the activated output for
/// Conv) with a squeeze of max(1, ⌊Cin·SeRatio⌋) channels, Cin being the layer's input channels. A grouped MBConv
/// (<see cref="BlockSpec.Groups"/> above 1) has both 1×1 convolutions grouped, its expansion even at ratio 1; its
/// channel shuffle after the expansion has no node: it moves channels, with no parameters or multiply-adds, and its
/// output takes the expansion's shape, so activation memory is counted as for the same layer ungrouped.
/// </summary>
internal static class BlockLayerExpander
{
    public static BlockLayer Expand(LayerGraphBuilder graph, BlockSpec spec, int block, int layer, int input, Activation activation)
    {
        var prefix = $"b{block}.l{layer}";
        var x = graph.Shape(input);
        var stride = layer == 0 ? spec.Stride : 1;
        var squeeze = spec.SeRatio > 0 ? Math.Max(1, (int)(x.Channels * spec.SeRatio)) : 0;
        var shortcut = ShortcutFor(spec.Skip, x.Channels, spec.Channels, stride);
        var first = graph.Count;

        var body = spec.Op switch
        {
            ConvOp.Conv => SqueezeExcite(graph, $"{prefix}.se", graph.ConvBn($"{prefix}.conv", input, spec.Channels, spec.Kernel, stride, activate: true), squeeze),
            ConvOp.DepthwiseConv => Separable(graph, prefix, input, spec, stride, squeeze),
            ConvOp.MBConv => InvertedResidual(graph, prefix, input, spec, stride, squeeze),
            _ => throw new ArgumentOutOfRangeException(nameof(spec), spec.Op, "unknown ConvOp"),
        };
        var output = shortcut switch
        {
            LayerShortcut.None => body,
            LayerShortcut.Identity => graph.Add($"{prefix}.add", body, input),
            _ => graph.Add($"{prefix}.add", body, PooledShortcut(graph, $"{prefix}.shortcut", input, spec.Channels, stride)),
        };

        var config = new LayerConfig(
            spec.Op, spec.Op == ConvOp.MBConv ? spec.Expansion : 1, spec.Kernel, squeeze, shortcut,
            x.Channels, spec.Channels, stride, x.Height, x.Width, activation, spec.Op == ConvOp.MBConv ? spec.Groups : 1);
        var nodes = graph.Nodes.Skip(first).Take(output - first + 1).ToList();
        return new BlockLayer(block, layer, config, first, output, nodes.Sum(n => n.Params), nodes.Sum(n => n.Macs));
    }

    private static LayerShortcut ShortcutFor(SkipOp skip, int inChannels, int outChannels, int stride)
    {
        var shapesMatch = stride == 1 && inChannels == outChannels;
        return skip switch
        {
            SkipOp.None => LayerShortcut.None,
            SkipOp.Identity => shapesMatch ? LayerShortcut.Identity : LayerShortcut.None,
            SkipOp.Pooling => shapesMatch ? LayerShortcut.Identity : LayerShortcut.Pooled,
            _ => throw new ArgumentOutOfRangeException(nameof(skip), skip, "unknown SkipOp"),
        };
    }

    /// <summary>k×k depthwise, BN, activation, [SE], 1×1 projection (with <paramref name="groups"/> groups), BN.</summary>
    private static int Separable(LayerGraphBuilder graph, string prefix, int input, BlockSpec spec, int stride, int squeeze, int groups = 1)
    {
        var depthwise = graph.DepthwiseBnAct($"{prefix}.dw", input, spec.Kernel, stride);
        var excited = SqueezeExcite(graph, $"{prefix}.se", depthwise, squeeze);
        return graph.ConvBn($"{prefix}.project", excited, spec.Channels, 1, 1, activate: false, groups);
    }

    /// <summary>
    /// 1×1 expansion to Cin·e, BN, activation (omitted at e = 1 unless grouped), [channel shuffle], then as
    /// <see cref="Separable"/>; both 1×1 convolutions with the block's groups.
    /// </summary>
    private static int InvertedResidual(LayerGraphBuilder graph, string prefix, int input, BlockSpec spec, int stride, int squeeze)
    {
        var hidden = graph.Shape(input).Channels * spec.Expansion;
        var expanded = spec.Expansion == 1 && spec.Groups == 1
            ? input
            : graph.ConvBn($"{prefix}.expand", input, hidden, 1, 1, activate: true, spec.Groups);
        return Separable(graph, prefix, expanded, spec, stride, squeeze, spec.Groups);
    }

    /// <summary>
    /// Global average pool, 1×1 conv C→squeeze with bias, activation, 1×1 conv squeeze→C with bias,
    /// sigmoid, and the channel-wise product with the input. Nothing when squeeze is 0.
    /// </summary>
    private static int SqueezeExcite(LayerGraphBuilder graph, string prefix, int input, int squeeze)
    {
        if (squeeze == 0)
        {
            return input;
        }
        var pooled = graph.GlobalAvgPool($"{prefix}.pool", input);
        var reduced = graph.Activation($"{prefix}.act", graph.Conv($"{prefix}.reduce", pooled, squeeze, 1, 1, bias: true));
        var gate = graph.Sigmoid($"{prefix}.gate", graph.Conv($"{prefix}.expand", reduced, graph.Shape(input).Channels, 1, 1, bias: true));
        return graph.Mul($"{prefix}.scale", input, gate);
    }

    /// <summary>Average pooling (kernel = stride, ceil mode; none at stride 1), then 1×1 conv and BN when the channels change.</summary>
    private static int PooledShortcut(LayerGraphBuilder graph, string prefix, int input, int outChannels, int stride)
    {
        var pooled = stride == 1 ? input : graph.AvgPool($"{prefix}.pool", input, stride);
        return graph.Shape(pooled).Channels == outChannels ? pooled : graph.ConvBn(prefix, pooled, outChannels, 1, 1, activate: false);
    }
}
