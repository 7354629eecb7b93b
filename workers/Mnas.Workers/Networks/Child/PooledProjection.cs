using Mnas.Torch;
using Mnas.Torch.Modules;

namespace Mnas.Workers.Networks.Child;

/// <summary>
/// The pooling shortcut where shapes change: average pooling with the layer's stride (window =
/// stride, ceil mode, so the size is ⌈in/stride⌉), then a 1×1 convolution and BN when the channel
/// count changes.
/// </summary>
public sealed class PooledProjection : Module<Tensor, Tensor>
{
    private readonly int stride;
    private readonly ConvBn? projection;

    public PooledProjection(int inChannels, int outChannels, int stride)
    {
        this.stride = stride;
        if (inChannels != outChannels)
        {
            projection = register_module("proj", new ConvBn(inChannels, outChannels, 1, 1, 1, activation: null));
        }
    }

    public override Tensor forward(Tensor input)
    {
        if (stride == 1)
        {
            return projection!.forward(input);
        }
        var pooled = torch.nn.functional.avg_pool2d(input, stride, stride, ceil_mode: true, count_include_pad: false);
        if (projection == null)
        {
            return pooled;
        }
        using (pooled)
        {
            return projection.forward(pooled);
        }
    }
}
