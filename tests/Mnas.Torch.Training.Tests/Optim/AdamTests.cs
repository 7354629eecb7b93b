using Mnas.Torch.Training.Tests.Support;

namespace Mnas.Torch.Training.Tests.Optim;

/// <summary>
/// Adam: m = β1·m + (1 − β1)·g; v = β2·v + (1 − β2)·g²; p −= lr·m̂ / (√v̂ + eps), m̂ = m/(1 − β1ᵗ), v̂ = v/(1 − β2ᵗ);
/// with L2 weight decay g = ∇ + wd·p.
/// </summary>
public class AdamTests
{
    [Fact]
    public void adam_with_a_constant_gradient_moves_each_parameter_by_about_lr_per_step()
    {
        // With g constant, m̂ = g and v̂ = g² exactly after bias correction, so each step is lr·g/(|g| + eps) ≈ lr·sign(g).
        using var scope = torch.NewDisposeScope();
        var p = torch.tensor(new double[] { 1, -2 }, requires_grad: true);
        var c = torch.tensor(new double[] { 0.5, -1.5 });
        using var adam = torch.optim.Adam([p], lr: 0.1);

        adam.zero_grad();
        (c * p).sum().backward();
        adam.step();
        // 1 − 0.1·0.5/(0.5 + 1e−8) and −2 + 0.1·1.5/(1.5 + 1e−8).
        Approx.Equal([0.9 + 2e-9, -1.9 - 0.1 * 1e-8 / 1.5], p.data<double>(), atol: 1e-15);

        adam.zero_grad();
        (c * p).sum().backward();
        adam.step();
        Approx.Equal([0.8, -1.8], p.data<double>(), atol: 1e-8);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(0.05)]
    public void adam_first_two_steps_match_the_bias_corrected_formula(double weightDecay)
    {
        double[] a = [0.7, 2.0, -0.3], start = [1.5, -0.5, 2.0];
        const double lr = 0.01, beta1 = 0.9, beta2 = 0.99, eps = 1e-6;

        var p = (double[])start.Clone();
        var m = new double[3];
        var v = new double[3];
        var expected = new List<double[]>();
        for (var t = 1; t <= 2; t++)
        {
            for (var i = 0; i < 3; i++)
            {
                var g = a[i] * p[i] + weightDecay * p[i];
                m[i] = beta1 * m[i] + (1 - beta1) * g;
                v[i] = beta2 * v[i] + (1 - beta2) * g * g;
                var mHat = m[i] / (1 - Math.Pow(beta1, t));
                var vHat = v[i] / (1 - Math.Pow(beta2, t));
                p[i] -= lr * mHat / (Math.Sqrt(vHat) + eps);
            }
            expected.Add((double[])p.Clone());
        }

        using var scope = torch.NewDisposeScope();
        var parameter = torch.tensor(start, requires_grad: true);
        var curvature = torch.tensor(a);
        using var adam = torch.optim.Adam([parameter], lr, beta1, beta2, eps, weightDecay);
        for (var t = 0; t < 2; t++)
        {
            adam.zero_grad();
            (curvature * parameter * parameter * 0.5).sum().backward();
            adam.step();
            Approx.Equal(expected[t], parameter.data<double>(), atol: 1e-13);
        }
    }

    [Fact]
    public void adam_rejects_a_beta_outside_zero_to_one()
    {
        using var p = torch.zeros([2], ScalarType.Float64, requires_grad: true);
        Assert.Throws<ArgumentOutOfRangeException>(() => torch.optim.Adam([p], beta1: 1.0));
    }
}
