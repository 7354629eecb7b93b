using Mnas.SearchSpace.Architectures;
using Mnas.Torch;
using Mnas.Torch.Modules;

namespace Mnas.Workers.Networks.Child;

/// <summary>One layer of a block: its operation (with optional SE) and its shortcut.</summary>
public sealed class ChildLayer : Module<Tensor, Tensor>
{
    private readonly Sequential body;
    private readonly bool identity;
    private readonly PooledProjection? pooled;

    public ChildLayer(BlockSpec block, int inChannels, int stride, Activation activation)
    {
        var outChannels = block.Channels;
        var parts = new List<(string, Module<Tensor, Tensor>)>();
        var se = block.SeRatio > 0 ? SqueezeExcite.SqueezeWidth(inChannels, block.SeRatio) : 0;
        switch (block.Op)
        {
            case ConvOp.Conv:
                parts.Add(("conv", new ConvBn(inChannels, outChannels, block.Kernel, stride, 1, activation)));
                if (se > 0)
                {
                    parts.Add(("se", new SqueezeExcite(outChannels, se, activation)));
                }
                break;
            case ConvOp.DepthwiseConv:
            case ConvOp.MBConv:
                var hidden = block.Op == ConvOp.MBConv ? inChannels * block.Expansion : inChannels;
                if (hidden != inChannels)
                {
                    parts.Add(("expand", new ConvBn(inChannels, hidden, 1, 1, 1, activation)));
                }
                parts.Add(("depthwise", new ConvBn(hidden, hidden, block.Kernel, stride, hidden, activation)));
                if (se > 0)
                {
                    parts.Add(("se", new SqueezeExcite(hidden, se, activation)));
                }
                parts.Add(("project", new ConvBn(hidden, outChannels, 1, 1, 1, activation: null)));
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(block), block.Op, "unknown operation");
        }
        body = register_module("body", new Sequential(parts.ToArray()));

        var shapesMatch = stride == 1 && inChannels == outChannels;
        identity = block.Skip != SkipOp.None && shapesMatch;
        if (block.Skip == SkipOp.Pooling && !shapesMatch)
        {
            pooled = register_module("shortcut", new PooledProjection(inChannels, outChannels, stride));
        }
    }

    public override Tensor forward(Tensor input)
    {
        if (!identity && pooled == null)
        {
            return body.forward(input);
        }
        using var branch = body.forward(input);
        if (identity)
        {
            return input + branch;
        }
        using var shortcut = pooled!.forward(input);
        return shortcut + branch;
    }
}
