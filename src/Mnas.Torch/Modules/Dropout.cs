namespace Mnas.Torch.Modules;

public sealed class Dropout(double p = 0.5) : Module<Tensor, Tensor>
{
    public double P { get; } = p is >= 0 and <= 1 ? p : throw new ArgumentOutOfRangeException(nameof(p), p, "must lie in [0, 1]");

    public override Tensor forward(Tensor input) => torch.nn.functional.dropout(input, P, training);
}
