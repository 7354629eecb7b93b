using Mnas.SearchSpace.Spec;
using Mnas.Torch;
using Mnas.Torch.Optim;
using Mnas.Workers.Training;

namespace Mnas.Workers.Tests.Training;

/// <summary>The optimiser a child's options name: its kind, its settings, and that each trains a tiny child.</summary>
public class ChildOptimizerTests
{
    [Theory]
    [InlineData(ProxySpec.Sgd, 0.05)]
    [InlineData(ProxySpec.RmsProp, 0.002)]
    [InlineData(ProxySpec.AdamW, 0.005)]
    public void each_optimiser_trains_a_tiny_child(string optimizer, double lr)
    {
        var options = new TrainingOptions { Optimizer = optimizer, LearningRate = lr, Epochs = 3, Seed = 2, Threads = 2 };
        var report = ChildTrainer.Train(ChildTrainerTests.Tiny, new SyntheticData(256, 64, 32), options);
        Assert.Equal(ChildStatus.Succeeded, report.Status);
        Assert.True(report.Epochs[^1].TrainLoss < report.Epochs[0].TrainLoss,
            $"{optimizer}: train loss {string.Join(" → ", report.Epochs.Select(e => e.TrainLoss))}");
        Assert.True(report.ValidationTop1 > 0.5, $"{optimizer}: validation top-1 {report.ValidationTop1} (chance 0.25)");
    }

    [Theory]
    [InlineData(ProxySpec.Sgd, typeof(SGD))]
    [InlineData(ProxySpec.RmsProp, typeof(RMSprop))]
    [InlineData(ProxySpec.AdamW, typeof(AdamW))]
    public void the_options_name_the_optimisers_kind(string optimizer, Type kind)
    {
        using var p = torch.zeros([2], ScalarType.Float64, requires_grad: true);
        using var built = ChildOptimizer.Create([p], new TrainingOptions { Optimizer = optimizer, LearningRate = 0.02 });
        Assert.IsType(kind, built);
        Assert.Equal(0.02, built.LearningRate);
    }

    [Fact]
    public void rmsprop_takes_the_options_momentum_and_l2_weight_decay()
    {
        // α = 0.99, eps = 1e-8; g = c + wd·p; v = α·v + (1 − α)·g²; buf = m·buf + g/(√v + eps); p −= lr·buf.
        const double lr = 0.01, momentum = 0.8, wd = 0.1, alpha = 0.99, eps = 1e-8;
        double[] slope = [0.5, -1.5], p = [1, -2];
        double[] v = new double[2], buffer = new double[2];
        var actual = Steps(new TrainingOptions { Optimizer = ProxySpec.RmsProp, LearningRate = lr, Momentum = momentum, WeightDecay = wd }, slope, p);
        for (var t = 0; t < 2; t++)
        {
            for (var i = 0; i < 2; i++)
            {
                var g = slope[i] + wd * p[i];
                v[i] = alpha * v[i] + (1 - alpha) * g * g;
                buffer[i] = momentum * buffer[i] + g / (Math.Sqrt(v[i]) + eps);
                p[i] -= lr * buffer[i];
            }
            AssertClose(p, actual[t]);
        }
    }

    [Fact]
    public void adamw_takes_the_options_weight_decay_decoupled_and_ignores_momentum()
    {
        // p·(1 − lr·wd), then Adam with β = (0.9, 0.999), eps = 1e-8 on the plain gradient c.
        const double lr = 0.01, wd = 0.2, beta1 = 0.9, beta2 = 0.999, eps = 1e-8;
        double[] slope = [0.5, -1.5], p = [1, -2];
        double[] m = new double[2], v = new double[2];
        var actual = Steps(new TrainingOptions { Optimizer = ProxySpec.AdamW, LearningRate = lr, Momentum = 0.5, WeightDecay = wd }, slope, p);
        for (var t = 1; t <= 2; t++)
        {
            for (var i = 0; i < 2; i++)
            {
                p[i] *= 1 - lr * wd;
                m[i] = beta1 * m[i] + (1 - beta1) * slope[i];
                v[i] = beta2 * v[i] + (1 - beta2) * slope[i] * slope[i];
                p[i] -= lr * (m[i] / (1 - Math.Pow(beta1, t))) / (Math.Sqrt(v[i] / (1 - Math.Pow(beta2, t))) + eps);
            }
            AssertClose(p, actual[t - 1]);
        }
    }

    [Fact]
    public void sgd_takes_the_options_momentum_and_weight_decay()
    {
        const double lr = 0.1, momentum = 0.9, wd = 0.01;
        double[] slope = [0.5, -1.5], p = [1, -2];
        var buffer = new double[2];
        var actual = Steps(new TrainingOptions { LearningRate = lr, Momentum = momentum, WeightDecay = wd }, slope, p);
        for (var t = 0; t < 2; t++)
        {
            for (var i = 0; i < 2; i++)
            {
                var g = slope[i] + wd * p[i];
                buffer[i] = t == 0 ? g : momentum * buffer[i] + g;
                p[i] -= lr * buffer[i];
            }
            AssertClose(p, actual[t]);
        }
    }

    /// <summary>The parameter after each of two steps on the loss Σ slope·p.</summary>
    private static List<double[]> Steps(TrainingOptions options, double[] slope, double[] start)
    {
        using var scope = torch.NewDisposeScope();
        var p = torch.tensor(start, requires_grad: true);
        var c = torch.tensor(slope);
        using var optimizer = ChildOptimizer.Create([p], options);
        var trace = new List<double[]>();
        for (var t = 0; t < 2; t++)
        {
            optimizer.zero_grad();
            (c * p).sum().backward();
            optimizer.step();
            trace.Add(p.data<double>());
        }
        return trace;
    }

    private static void AssertClose(double[] expected, double[] actual)
    {
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.True(Math.Abs(expected[i] - actual[i]) < 1e-12, $"element {i}: expected {expected[i]:R}, got {actual[i]:R}");
        }
    }
}
