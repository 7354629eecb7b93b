namespace Mnas.Torch.Modules;

public sealed class Linear : Module<Tensor, Tensor>
{
    public Linear(long inFeatures, long outFeatures, bool bias = true)
    {
        weight = Init.Uniform([outFeatures, inFeatures], inFeatures);
        register_parameter(nameof(weight), weight);
        this.bias = bias ? Init.Uniform([outFeatures], inFeatures) : null;
        register_parameter(nameof(bias), this.bias);
    }

    public Parameter weight { get; }
    public Parameter? bias { get; }

    public override Tensor forward(Tensor input) => torch.nn.functional.linear(input, weight, bias);
}
