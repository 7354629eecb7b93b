using Mnas.SearchSpace.Architectures;
using Mnas.Torch;
using Mnas.Torch.Modules;

namespace Mnas.Workers.Networks.Child;

/// <summary>Convolution without bias ('same' padding), batch norm, then the activation when one is given.</summary>
public sealed class ConvBn : Module<Tensor, Tensor>
{
    private readonly Conv2d conv;
    private readonly BatchNorm2d bn;
    private readonly ActivationLayer? activation;

    public ConvBn(int inChannels, int outChannels, int kernel, int stride, int groups, Activation? activation)
    {
        conv = register_module("conv", new Conv2d(inChannels, outChannels, kernel, stride, kernel / 2, groups: groups, bias: false));
        bn = register_module("bn", new BatchNorm2d(outChannels));
        if (activation is { } kind)
        {
            this.activation = register_module("act", new ActivationLayer(kind));
        }
    }

    public BatchNorm2d BatchNorm => bn;

    public override Tensor forward(Tensor input)
    {
        using var convolved = conv.forward(input);
        if (activation == null)
        {
            return bn.forward(convolved);
        }
        using var normalised = bn.forward(convolved);
        return activation.forward(normalised);
    }
}
