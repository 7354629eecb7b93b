using Mnas.Torch;
using Mnas.Torch.Modules;

namespace Mnas.Workers.Networks;

/// <summary>Convolution without bias, batch norm, then ReLU6 unless it is a linear projection.</summary>
public sealed class ConvBnAct : Module<Tensor, Tensor>
{
    private readonly Conv2d conv;
    private readonly BatchNorm2d bn;
    private readonly bool activate;

    public ConvBnAct(int inChannels, int outChannels, int kernel, int stride = 1, int groups = 1, bool activate = true)
    {
        conv = register_module("conv", new Conv2d(inChannels, outChannels, kernel, stride, kernel / 2, groups: groups, bias: false));
        bn = register_module("bn", new BatchNorm2d(outChannels));
        this.activate = activate;
    }

    public override Tensor forward(Tensor input)
    {
        using var convolved = conv.forward(input);
        if (!activate)
        {
            return bn.forward(convolved);
        }
        using var normalised = bn.forward(convolved);
        return normalised.relu6();
    }
}
