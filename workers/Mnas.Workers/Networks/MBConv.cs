using Mnas.SearchSpace.Architectures;
using Mnas.Torch;
using Mnas.Torch.Modules;
using Mnas.Workers.Networks.Child;

namespace Mnas.Workers.Networks;

/// <summary>
/// MobileNetV2's inverted residual: 1×1 expansion (omitted at ratio 1), k×k depthwise, 1×1
/// linear projection, and an identity shortcut when shapes allow.
/// </summary>
public sealed class MBConv : Module<Tensor, Tensor>
{
    private readonly Sequential body;

    public MBConv(MBConvSpec spec)
    {
        Spec = spec;
        var layers = new List<(string, Module<Tensor, Tensor>)>();
        if (spec.Expansion != 1)
        {
            layers.Add(("expand", new ConvBn(spec.In, spec.Hidden, 1, 1, 1, Activation.ReLU6)));
        }
        layers.Add(("depthwise", new ConvBn(spec.Hidden, spec.Hidden, spec.Kernel, spec.Stride, spec.Hidden, Activation.ReLU6)));
        layers.Add(("project", new ConvBn(spec.Hidden, spec.Out, 1, 1, 1, activation: null)));
        body = register_module("body", new Sequential(layers.ToArray()));
    }

    public MBConvSpec Spec { get; }

    public override Tensor forward(Tensor input)
    {
        if (!Spec.HasResidual)
        {
            return body.forward(input);
        }
        using var branch = body.forward(input);
        return input + branch;
    }
}
