using Mnas.Torch;
using Mnas.Torch.Modules;

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
            layers.Add(("expand", new ConvBnAct(spec.In, spec.Hidden, 1)));
        }
        layers.Add(("depthwise", new ConvBnAct(spec.Hidden, spec.Hidden, spec.Kernel, spec.Stride, groups: spec.Hidden)));
        layers.Add(("project", new ConvBnAct(spec.Hidden, spec.Out, 1, activate: false)));
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
