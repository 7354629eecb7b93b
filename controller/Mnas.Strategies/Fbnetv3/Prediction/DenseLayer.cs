using Mnas.Strategies.Randomness;
using Mnas.Torch;
using Mnas.Torch.Modules;

namespace Mnas.Strategies.Fbnetv3.Prediction;

/// <summary>
/// A fully connected layer (<c>weight</c> [out, in], <c>bias</c> [out]) whose weights come from the predictor's own
/// generator rather than libtorch's, so building and refitting a predictor leaves the process's torch seed alone.
/// </summary>
internal sealed class DenseLayer : Module<Tensor, Tensor>
{
    public DenseLayer(int inputs, int outputs)
    {
        using (var zeros = torch.zeros([outputs, inputs]))
        {
            weight = new Parameter(zeros);
        }

        using (var zeros = torch.zeros([outputs]))
        {
            bias = new Parameter(zeros);
        }

        register_parameter(nameof(weight), weight);
        register_parameter(nameof(bias), bias);
    }

    public Parameter weight { get; }

    public Parameter bias { get; }

    public override Tensor forward(Tensor input) => torch.nn.functional.linear(input, weight, bias);

    /// <summary>Draws every weight and bias uniformly from ±1/√inputs, PyTorch's default for a linear layer.</summary>
    public void Initialize(Xoshiro256StarStar rng)
    {
        var bound = 1 / Math.Sqrt(weight.size(1));
        using var noGrad = torch.no_grad();
        foreach (var parameter in parameters())
        {
            var values = new float[parameter.numel()];
            for (var i = 0; i < values.Length; i++)
            {
                values[i] = (float)((2 * rng.NextDouble() - 1) * bound);
            }

            using var source = torch.tensor(values, parameter.shape);
            parameter.copy_(source);
        }
    }
}
