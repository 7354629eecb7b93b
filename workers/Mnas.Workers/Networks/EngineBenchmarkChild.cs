using Mnas.SearchSpace.Architectures;
using Mnas.Torch;
using Mnas.Torch.Modules;
using Mnas.Workers.Networks.Child;

namespace Mnas.Workers.Networks;

/// <summary>
/// The fixed child network the engine is measured with: stem conv 3×3 1→16, seven MBConv blocks,
/// head conv 1×1 80→320, global average pool, linear 320→classes. 188,490 parameters and 7.59M
/// multiply-adds per 1×28×28 image.
/// </summary>
public sealed class EngineBenchmarkChild : Module<Tensor, Tensor>
{
    public static readonly IReadOnlyList<MBConvSpec> Blocks =
    [
        new(16, 16, 3, 1, 1), new(16, 24, 3, 6, 2), new(24, 24, 5, 3, 1), new(24, 40, 5, 6, 2),
        new(40, 40, 3, 3, 1), new(40, 80, 3, 6, 2), new(80, 80, 5, 6, 1),
    ];

    public const int StemChannels = 16;
    public const int HeadChannels = 320;

    private readonly ConvBn stem;
    private readonly Sequential blocks;
    private readonly ConvBn head;
    private readonly Linear classifier;

    public EngineBenchmarkChild(int inChannels = 1, int classes = 10)
    {
        stem = register_module("stem", new ConvBn(inChannels, StemChannels, 3, 1, 1, Activation.ReLU6));
        blocks = register_module("blocks", new Sequential(Blocks.Select(b => (Module<Tensor, Tensor>)new MBConv(b)).ToArray()));
        head = register_module("head", new ConvBn(Blocks[^1].Out, HeadChannels, 1, 1, 1, Activation.ReLU6));
        classifier = register_module("classifier", new Linear(HeadChannels, classes));
    }

    public override Tensor forward(Tensor input)
    {
        using var scope = torch.NewDisposeScope();
        var features = head.forward(blocks.forward(stem.forward(input)));
        var pooled = torch.nn.functional.adaptive_avg_pool2d(features, 1).flatten(1);
        return classifier.forward(pooled).MoveToOuterDisposeScope();
    }

    /// <summary>Multiply-adds of one forward pass over a single image (convolutions and the classifier).</summary>
    public static long MultiplyAdds(int inChannels = 1, int size = 28, int classes = 10)
    {
        long total = 0;
        var side = size;
        void Conv(int cin, int cout, int k, int stride, int groups)
        {
            side = (side + 2 * (k / 2) - k) / stride + 1;
            total += (long)cout * side * side * (cin / groups) * k * k;
        }
        Conv(inChannels, StemChannels, 3, 1, 1);
        foreach (var b in Blocks)
        {
            if (b.Expansion != 1)
            {
                Conv(b.In, b.Hidden, 1, 1, 1);
            }
            Conv(b.Hidden, b.Hidden, b.Kernel, b.Stride, b.Hidden);
            Conv(b.Hidden, b.Out, 1, 1, 1);
        }
        Conv(Blocks[^1].Out, HeadChannels, 1, 1, 1);
        return total + (long)HeadChannels * classes;
    }
}
