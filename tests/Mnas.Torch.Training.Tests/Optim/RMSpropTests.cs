using Mnas.Torch.Training.Tests.Support;

namespace Mnas.Torch.Training.Tests.Optim;

/// <summary>
/// PyTorch's RMSprop: g = ∇ + wd·p; v = α·v + (1 − α)·g²; with centring a = α·a + (1 − α)·g and the denominator
/// √(v − a²) + eps, else √v + eps; with momentum buf = m·buf + g/denominator and p −= lr·buf, else p −= lr·g/denominator.
/// The loss is Σ ½·k·p², so every gradient is k·p.
/// </summary>
public class RMSpropTests
{
    private static readonly double[] Curvature = [0.7, 2.0, -0.3];
    private static readonly double[] Start = [1.5, -0.5, 2.0];

    [Theory]
    [InlineData(0.0, 0.0, false)]
    [InlineData(0.05, 0.0, false)]
    [InlineData(0.0, 0.9, false)]
    [InlineData(0.01, 0.9, true)]
    public void rmsprop_first_two_steps_match_the_formula(double weightDecay, double momentum, bool centered)
    {
        const double lr = 0.01, alpha = 0.9, eps = 1e-6;
        var p = (double[])Start.Clone();
        var square = new double[3];
        var mean = new double[3];
        var buffer = new double[3];
        var expected = new List<double[]>();
        for (var t = 1; t <= 2; t++)
        {
            for (var i = 0; i < 3; i++)
            {
                var g = Curvature[i] * p[i] + weightDecay * p[i];
                square[i] = alpha * square[i] + (1 - alpha) * g * g;
                double denominator;
                if (centered)
                {
                    mean[i] = alpha * mean[i] + (1 - alpha) * g;
                    denominator = Math.Sqrt(square[i] - mean[i] * mean[i]) + eps;
                }
                else
                {
                    denominator = Math.Sqrt(square[i]) + eps;
                }
                if (momentum > 0)
                {
                    buffer[i] = momentum * buffer[i] + g / denominator;
                    p[i] -= lr * buffer[i];
                }
                else
                {
                    p[i] -= lr * g / denominator;
                }
            }
            expected.Add((double[])p.Clone());
        }

        using var scope = torch.NewDisposeScope();
        var parameter = torch.tensor(Start, requires_grad: true);
        var curvature = torch.tensor(Curvature);
        using var rmsprop = torch.optim.RMSprop([parameter], lr, alpha, eps, weightDecay, momentum, centered);
        for (var t = 0; t < 2; t++)
        {
            rmsprop.zero_grad();
            (curvature * parameter * parameter * 0.5).sum().backward();
            rmsprop.step();
            Approx.Equal(expected[t], parameter.data<double>(), atol: 1e-13);
        }
    }

    [Fact]
    public void rmsprop_first_step_is_lr_times_gradient_over_its_root_mean_square()
    {
        // v1 = (1 − 0.99)·g², so the step is lr·g/(√0.01·|g| + eps) ≈ 10·lr·sign(g) with the default α.
        using var scope = torch.NewDisposeScope();
        var p = torch.tensor(new double[] { 1, -2 }, requires_grad: true);
        var c = torch.tensor(new double[] { 0.5, -1.5 });
        using var rmsprop = torch.optim.RMSprop([p], lr: 0.01);
        (c * p).sum().backward();
        rmsprop.step();
        Approx.Equal([1 - 0.1, -2 + 0.1], p.data<double>(), atol: 1e-7);
    }

    [Fact]
    public void rmsprop_rejects_a_negative_setting()
    {
        using var p = torch.zeros([2], ScalarType.Float64, requires_grad: true);
        Assert.Throws<ArgumentOutOfRangeException>(() => torch.optim.RMSprop([p], lr: 0.01, momentum: -0.1));
        Assert.Throws<ArgumentOutOfRangeException>(() => torch.optim.RMSprop([p], lr: -0.01));
    }
}
