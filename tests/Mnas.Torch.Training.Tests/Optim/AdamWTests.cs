using Mnas.Torch.Training.Tests.Support;

namespace Mnas.Torch.Training.Tests.Optim;

/// <summary>
/// PyTorch's AdamW: p = p·(1 − lr·wd) first (decay decoupled from the gradient); then Adam on the plain gradient:
/// m = β1·m + (1 − β1)·g; v = β2·v + (1 − β2)·g²; p −= lr·m̂ / (√v̂ + eps), m̂ = m/(1 − β1ᵗ), v̂ = v/(1 − β2ᵗ).
/// </summary>
public class AdamWTests
{
    [Theory]
    [InlineData(0.0, false)]
    [InlineData(0.1, false)]
    [InlineData(0.1, true)]
    public void adamw_first_two_steps_match_the_decoupled_formula(double weightDecay, bool amsgrad)
    {
        double[] a = [0.7, 2.0, -0.3], start = [1.5, -0.5, 2.0];
        const double lr = 0.05, beta1 = 0.9, beta2 = 0.99, eps = 1e-6;

        var p = (double[])start.Clone();
        var m = new double[3];
        var v = new double[3];
        var vMax = new double[3];
        var expected = new List<double[]>();
        for (var t = 1; t <= 2; t++)
        {
            for (var i = 0; i < 3; i++)
            {
                var g = a[i] * p[i];
                p[i] *= 1 - lr * weightDecay;
                m[i] = beta1 * m[i] + (1 - beta1) * g;
                v[i] = beta2 * v[i] + (1 - beta2) * g * g;
                vMax[i] = Math.Max(vMax[i], v[i]);
                var mHat = m[i] / (1 - Math.Pow(beta1, t));
                var vHat = (amsgrad ? vMax[i] : v[i]) / (1 - Math.Pow(beta2, t));
                p[i] -= lr * mHat / (Math.Sqrt(vHat) + eps);
            }
            expected.Add((double[])p.Clone());
        }

        using var scope = torch.NewDisposeScope();
        var parameter = torch.tensor(start, requires_grad: true);
        var curvature = torch.tensor(a);
        using var adamw = torch.optim.AdamW([parameter], lr, beta1, beta2, eps, weightDecay, amsgrad);
        for (var t = 0; t < 2; t++)
        {
            adamw.zero_grad();
            (curvature * parameter * parameter * 0.5).sum().backward();
            adamw.step();
            Approx.Equal(expected[t], parameter.data<double>(), atol: 1e-13);
        }
    }

    [Fact]
    public void adamw_decay_differs_from_adam_l2_decay()
    {
        // With the same weight decay, Adam scales the decay term by its adaptive denominator and AdamW does not.
        using var scope = torch.NewDisposeScope();
        var p = torch.tensor(new double[] { 1, -2 }, requires_grad: true);
        var q = torch.tensor(new double[] { 1, -2 }, requires_grad: true);
        var c = torch.tensor(new double[] { 0.5, -1.5 });
        using var adamw = torch.optim.AdamW([p], lr: 0.1, weight_decay: 0.5);
        using var adam = torch.optim.Adam([q], lr: 0.1, weight_decay: 0.5);
        (c * p).sum().backward();
        (c * q).sum().backward();
        adamw.step();
        adam.step();
        // AdamW: p·(1 − 0.05) − 0.1·sign(c); Adam: a step of about lr whatever the decay.
        Approx.Equal([0.95 - 0.1, -1.9 + 0.1], p.data<double>(), atol: 1e-7);
        Approx.Equal([0.9, -1.9], q.data<double>(), atol: 1e-7);
    }

    [Fact]
    public void adamw_defaults_are_pytorchs_and_bad_settings_are_refused()
    {
        using var p = torch.zeros([2], ScalarType.Float64, requires_grad: true);
        using var adamw = torch.optim.AdamW([p]);
        Assert.Equal(1e-3, adamw.LearningRate);
        Assert.Throws<ArgumentOutOfRangeException>(() => torch.optim.AdamW([p], beta2: 1.0));
        Assert.Throws<ArgumentOutOfRangeException>(() => torch.optim.AdamW([p], weight_decay: -1));
    }
}
