using Mnas.Torch.Training.Tests.Support;

namespace Mnas.Torch.Training.Tests.Gradients;

public class ActivationGradientTests
{
    // Points away from the kinks of relu6 (0, 6) and hardswish (−3, 3), in every linear and curved piece.
    private static readonly double[] Points = [-4.5, -3.7, -2.2, -1.1, -0.4, 0.3, 1.6, 2.4, 3.8, 5.2, 6.9, 8.1];

    public static TheoryData<string> Names => ["relu6", "hardswish", "sigmoid", "tanh"];

    [Theory]
    [MemberData(nameof(Names))]
    public void activation_gradient_matches_finite_differences_away_from_kinks(string name)
    {
        using var scope = torch.NewDisposeScope();
        var x = torch.tensor(Points, [3, 4], requires_grad: true);

        GradCheck.AssertGradientsMatch(() => Apply(name, x), [("x", x)]);
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void activation_values_and_derivatives_match_their_formulas(string name)
    {
        using var scope = torch.NewDisposeScope();
        var x = torch.tensor(Points, requires_grad: true);

        var y = Apply(name, x);
        y.sum().backward();

        var (value, derivative) = Formula(name);
        Approx.Equal(Points.Select(value).ToArray(), y.data<double>(), atol: 1e-12);
        Approx.Equal(Points.Select(derivative).ToArray(), x.grad!.data<double>(), atol: 1e-12);
    }

    private static Tensor Apply(string name, Tensor x) => name switch
    {
        "relu6" => torch.nn.functional.relu6(x),
        "hardswish" => torch.nn.functional.hardswish(x),
        "sigmoid" => torch.nn.functional.sigmoid(x),
        "tanh" => torch.nn.functional.tanh(x),
        _ => throw new ArgumentException(name),
    };

    private static (Func<double, double> Value, Func<double, double> Derivative) Formula(string name)
    {
        static double Sigmoid(double v) => 1 / (1 + Math.Exp(-v));
        return name switch
        {
            "relu6" => (v => Math.Min(Math.Max(v, 0), 6), v => v is > 0 and < 6 ? 1 : 0),
            // hardswish(x) = x·relu6(x + 3)/6: 0 below −3, x above 3, x(x + 3)/6 between (derivative (2x + 3)/6).
            "hardswish" => (v => v * Math.Min(Math.Max(v + 3, 0), 6) / 6, v => v <= -3 ? 0 : v >= 3 ? 1 : (2 * v + 3) / 6),
            "sigmoid" => (Sigmoid, v => Sigmoid(v) * (1 - Sigmoid(v))),
            "tanh" => (Math.Tanh, v => 1 - Math.Tanh(v) * Math.Tanh(v)),
            _ => throw new ArgumentException(name),
        };
    }
}
