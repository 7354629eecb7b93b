namespace Mnas.Torch.Modules;

public sealed class AdaptiveAvgPool2d(long outputSize) : Module<Tensor, Tensor>
{
    public override Tensor forward(Tensor input) => torch.nn.functional.adaptive_avg_pool2d(input, outputSize);
}

public sealed class MaxPool2d(long kernelSize, long? stride = null, long padding = 0) : Module<Tensor, Tensor>
{
    public override Tensor forward(Tensor input) => torch.nn.functional.max_pool2d(input, kernelSize, stride, padding);
}

public sealed class AvgPool2d(long kernelSize, long? stride = null, long padding = 0) : Module<Tensor, Tensor>
{
    public override Tensor forward(Tensor input) => torch.nn.functional.avg_pool2d(input, kernelSize, stride, padding);
}

public sealed class Flatten(long startDim = 1, long endDim = -1) : Module<Tensor, Tensor>
{
    public override Tensor forward(Tensor input) => input.flatten(startDim, endDim);
}
