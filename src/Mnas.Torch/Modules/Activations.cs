namespace Mnas.Torch.Modules;

public sealed class ReLU : Module<Tensor, Tensor>
{
    public override Tensor forward(Tensor input) => input.relu();
}

public sealed class ReLU6 : Module<Tensor, Tensor>
{
    public override Tensor forward(Tensor input) => input.relu6();
}

public sealed class Hardswish : Module<Tensor, Tensor>
{
    public override Tensor forward(Tensor input) => input.hardswish();
}

public sealed class Sigmoid : Module<Tensor, Tensor>
{
    public override Tensor forward(Tensor input) => input.sigmoid();
}

public sealed class Tanh : Module<Tensor, Tensor>
{
    public override Tensor forward(Tensor input) => input.tanh();
}
