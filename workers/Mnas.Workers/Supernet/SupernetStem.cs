using Mnas.SearchSpace.Architectures;
using Mnas.Torch;
using Mnas.Torch.Modules;
using Mnas.Workers.Networks.Child;

namespace Mnas.Workers.Supernet;

/// <summary>
/// The supernet's stem: the frame's 3×3 convolution (its stride, 'same' padding, no bias), batch norm and activation,
/// laid out as the child's (conv, bn, act), so that its weights, their names and their initialisation are the child's.
/// At a resolution factor r it runs on the input interspersed at r (<see cref="ResolutionMasking.Intersperse"/>), the
/// same weights dilated by r (padding r): its output keeps the size ⌈H/stride⌉ × ⌈W/stride⌉ whatever r, and read at
/// every r-th row and column it is exactly the child's stem convolution on the input down-sampled by r (⌈H/r⌉ × ⌈W/r⌉
/// pixels, ⌈H/(r·stride)⌉ × ⌈W/(r·stride)⌉ out, as many as it reads). The batch norm and activation run on those kept
/// pixels only, so that the batch statistics are the child's and not diluted by the zeros between them; the result is
/// spread back to the full size with zeros between (<see cref="ResolutionMasking.Spread"/>).
/// </summary>
public sealed class SupernetStem : Module
{
    private readonly Conv2d conv;
    private readonly BatchNorm2d bn;
    private readonly ActivationLayer? activation;

    public SupernetStem(int inChannels, int outChannels, int stride, Activation? activation)
    {
        conv = register_module("conv", new Conv2d(inChannels, outChannels, 3, stride, 1, bias: false));
        bn = register_module("bn", new BatchNorm2d(outChannels));
        if (activation is { } kind)
        {
            this.activation = register_module("act", new ActivationLayer(kind));
        }
    }

    /// <summary>The stem at a resolution factor: <paramref name="input"/> is the full-size input interspersed at it.</summary>
    public Tensor forward(Tensor input, int factor = 1)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(factor, 1);
        if (factor == 1)
        {
            // The child's own stem, operation for operation.
            using var convolved = conv.forward(input);
            return Activate(convolved);
        }
        using var scope = torch.NewDisposeScope();
        var dilated = torch.nn.functional.conv2d(input, conv.weight, null, conv.Stride, conv.Padding * factor, factor, conv.Groups);
        var kept = ResolutionMasking.Downsample(dilated, factor);
        return ResolutionMasking.Spread(Activate(kept), factor, dilated.shape[2], dilated.shape[3]).MoveToOuterDisposeScope();
    }

    private Tensor Activate(Tensor convolved)
    {
        if (activation == null)
        {
            return bn.forward(convolved);
        }
        using var normalised = bn.forward(convolved);
        return activation.forward(normalised);
    }
}
