using Mnas.SearchSpace.Architectures;
using Mnas.Torch;
using Mnas.Torch.Modules;

namespace Mnas.Workers.Networks.Child;

/// <summary>
/// Squeeze-and-excitation: global average pool, 1×1 conv to the squeeze width (with bias),
/// activation, 1×1 conv back (with bias), sigmoid; the result scales each channel of the input.
/// </summary>
public sealed class SqueezeExcite : Module<Tensor, Tensor>
{
    private readonly Conv2d reduce;
    private readonly ActivationLayer activation;
    private readonly Conv2d expand;

    public SqueezeExcite(int channels, int squeeze, Activation activation)
    {
        reduce = register_module("reduce", new Conv2d(channels, squeeze, 1));
        this.activation = register_module("act", new ActivationLayer(activation));
        expand = register_module("expand", new Conv2d(squeeze, channels, 1));
    }

    public override Tensor forward(Tensor input)
    {
        using var scope = torch.NewDisposeScope();
        var pooled = torch.nn.functional.adaptive_avg_pool2d(input, 1);
        var gate = expand.forward(activation.forward(reduce.forward(pooled))).sigmoid();
        return (input * gate).MoveToOuterDisposeScope();
    }
}
