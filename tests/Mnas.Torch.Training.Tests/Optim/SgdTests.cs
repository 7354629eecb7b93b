using Mnas.Torch.Optim;
using Mnas.Torch.Training.Tests.Support;

namespace Mnas.Torch.Training.Tests.Optim;

/// <summary>
/// PyTorch's SGD rule: d = g + wd·p; buf = d on the first step, else m·buf + (1 − dampening)·d;
/// d = d + m·buf with Nesterov, else d = buf; p −= lr·d.
/// Parameter p = [1, −2]; loss = Σ c·p with c = [0.5, −1.5], so every gradient is c.
/// </summary>
public class SgdTests
{
    private static readonly double[] Start = [1, -2];
    private static readonly double[] Slope = [0.5, -1.5];

    [Fact]
    public void plain_sgd_steps_by_minus_lr_times_gradient()
    {
        // p1 = p0 − 0.1·c = [0.95, −1.85]; p2 = [0.90, −1.70].
        var trace = Run(lr: 0.1);
        Approx.Equal([0.95, -1.85], trace[0], atol: 1e-12);
        Approx.Equal([0.90, -1.70], trace[1], atol: 1e-12);
    }

    [Fact]
    public void sgd_with_momentum_takes_the_gradient_then_accumulates_the_buffer()
    {
        // buf1 = c → p1 = [0.95, −1.85]; buf2 = 0.9c + c = [0.95, −2.85] → p2 = [0.855, −1.565].
        var trace = Run(lr: 0.1, momentum: 0.9);
        Approx.Equal([0.95, -1.85], trace[0], atol: 1e-12);
        Approx.Equal([0.855, -1.565], trace[1], atol: 1e-12);
    }

    [Fact]
    public void sgd_with_nesterov_momentum_looks_ahead_by_momentum_times_buffer()
    {
        // Step 1: buf = c, d = c + 0.9c = [0.95, −2.85] → p1 = [0.905, −1.715].
        // Step 2: buf = 1.9c, d = c + 0.9·1.9c = 2.71c = [1.355, −4.065] → p2 = [0.7695, −1.3085].
        var trace = Run(lr: 0.1, momentum: 0.9, nesterov: true);
        Approx.Equal([0.905, -1.715], trace[0], atol: 1e-12);
        Approx.Equal([0.7695, -1.3085], trace[1], atol: 1e-12);
    }

    [Fact]
    public void sgd_with_weight_decay_adds_decay_times_parameter_to_the_gradient()
    {
        // d1 = c + 0.1·p0 = [0.6, −1.7] → p1 = [0.94, −1.83]; d2 = c + 0.1·p1 = [0.594, −1.683] → p2 = [0.8806, −1.6617].
        var trace = Run(lr: 0.1, weightDecay: 0.1);
        Approx.Equal([0.94, -1.83], trace[0], atol: 1e-12);
        Approx.Equal([0.8806, -1.6617], trace[1], atol: 1e-12);
    }

    [Fact]
    public void sgd_dampening_scales_the_new_gradient_but_not_the_first_buffer()
    {
        // buf1 = c (no dampening on the first step) → p1 = [0.95, −1.85]; buf2 = 0.9c + 0.5c = [0.7, −2.1] → p2 = [0.88, −1.64].
        var trace = Run(lr: 0.1, momentum: 0.9, dampening: 0.5);
        Approx.Equal([0.95, -1.85], trace[0], atol: 1e-12);
        Approx.Equal([0.88, -1.64], trace[1], atol: 1e-12);
    }

    [Fact]
    public void sgd_with_momentum_weight_decay_and_nesterov_follows_the_documented_rule_for_five_steps()
    {
        // Gradient g = a·p (loss = Σ a·p²/2), so each step depends on the last; reference: the rule in a plain loop.
        double[] a = [0.7, 2.0, -0.3];
        const double lr = 0.05, m = 0.8, wd = 0.01;
        var p = new double[] { 1.5, -0.5, 2.0 };
        var buf = new double[3];
        var expected = new List<double[]>();
        for (var step = 0; step < 5; step++)
        {
            for (var i = 0; i < 3; i++)
            {
                var d = a[i] * p[i] + wd * p[i];
                buf[i] = step == 0 ? d : m * buf[i] + d;
                d += m * buf[i];
                p[i] -= lr * d;
            }
            expected.Add((double[])p.Clone());
        }

        using var scope = torch.NewDisposeScope();
        var parameter = torch.tensor(new double[] { 1.5, -0.5, 2.0 }, requires_grad: true);
        var curvature = torch.tensor(a);
        using var sgd = torch.optim.SGD([parameter], lr, momentum: m, weight_decay: wd, nesterov: true);
        for (var step = 0; step < 5; step++)
        {
            sgd.zero_grad();
            (curvature * parameter * parameter * 0.5).sum().backward();
            sgd.step();
            Approx.Equal(expected[step], parameter.data<double>(), atol: 1e-12);
        }
    }

    [Fact]
    public void sgd_rejects_nesterov_without_momentum()
    {
        using var p = torch.zeros([2], ScalarType.Float64, requires_grad: true);
        var error = Assert.Throws<ArgumentException>(() => torch.optim.SGD([p], 0.1, nesterov: true));
        Assert.Equal("nesterov", error.ParamName);
    }

    private static List<double[]> Run(double lr, double momentum = 0, double dampening = 0, double weightDecay = 0, bool nesterov = false)
    {
        using var scope = torch.NewDisposeScope();
        var p = torch.tensor(Start, requires_grad: true);
        var c = torch.tensor(Slope);
        using var sgd = new SGD([p], lr, momentum, dampening, weightDecay, nesterov);
        var trace = new List<double[]>();
        for (var step = 0; step < 2; step++)
        {
            sgd.zero_grad();
            (c * p).sum().backward();
            Approx.Equal(Slope, p.grad!.data<double>(), atol: 0);
            sgd.step();
            trace.Add(p.data<double>());
        }
        return trace;
    }
}
