using Mnas.SearchSpace.Architectures;
using Mnas.Torch;
using Mnas.Torch.Modules;

namespace Mnas.Workers.Networks.Child;

/// <summary>The architecture's activation function as a layer.</summary>
public sealed class ActivationLayer(Activation activation) : Module<Tensor, Tensor>
{
    public Activation Kind { get; } = activation;

    public override Tensor forward(Tensor input) => Kind switch
    {
        Activation.ReLU => input.relu(),
        Activation.ReLU6 => input.relu6(),
        Activation.Hardswish => input.hardswish(),
        _ => throw new InvalidOperationException($"unknown activation {Kind}"),
    };
}
