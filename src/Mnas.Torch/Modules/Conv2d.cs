namespace Mnas.Torch.Modules;

public sealed class Conv2d : Module<Tensor, Tensor>
{
    public Conv2d(long inChannels, long outChannels, long kernelSize, long stride = 1, long padding = 0, long dilation = 1,
        long groups = 1, bool bias = true)
    {
        if (inChannels % groups != 0 || outChannels % groups != 0)
        {
            throw new ArgumentException($"in ({inChannels}) and out ({outChannels}) channels must both divide by groups ({groups})",
                nameof(groups));
        }
        (Stride, Padding, Dilation, Groups) = (stride, padding, dilation, groups);
        var fanIn = inChannels / groups * kernelSize * kernelSize;
        weight = Init.Uniform([outChannels, inChannels / groups, kernelSize, kernelSize], fanIn);
        register_parameter(nameof(weight), weight);
        this.bias = bias ? Init.Uniform([outChannels], fanIn) : null;
        register_parameter(nameof(bias), this.bias);
    }

    public Parameter weight { get; }
    public Parameter? bias { get; }
    public long Stride { get; }
    public long Padding { get; }
    public long Dilation { get; }
    public long Groups { get; }

    public override Tensor forward(Tensor input) =>
        torch.nn.functional.conv2d(input, weight, bias, Stride, Padding, Dilation, Groups);
}
