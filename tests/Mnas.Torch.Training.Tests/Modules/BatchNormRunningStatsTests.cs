using Mnas.Torch.Training.Tests.Support;

namespace Mnas.Torch.Training.Tests.Modules;

/// <summary>running = (1 − momentum)·running + momentum·batch statistic, with the unbiased batch variance.</summary>
public class BatchNormRunningStatsTests
{
    private static readonly long[] Shape = [3, 2, 2, 2];

    [Fact]
    public void training_forward_updates_running_mean_var_and_batch_count_with_momentum()
    {
        using var scope = torch.NewDisposeScope();
        using var bn = torch.nn.BatchNorm2d(2, momentum: 0.1);
        var first = TestData.Uniform(61, 24, -1, 3);
        var second = TestData.Uniform(62, 24, -2, 1);

        bn.forward(Input(first));
        var (mean1, var1) = ChannelStatistics(first);
        double[] expectedMean = [0.1 * mean1[0], 0.1 * mean1[1]];
        double[] expectedVar = [0.9 + 0.1 * var1[0], 0.9 + 0.1 * var1[1]];
        Approx.Equal(expectedMean, Doubles(bn.running_mean!), atol: 1e-6);
        Approx.Equal(expectedVar, Doubles(bn.running_var!), atol: 1e-6);
        Assert.Equal(1L, bn.num_batches_tracked!.item<long>());

        bn.forward(Input(second));
        var (mean2, var2) = ChannelStatistics(second);
        expectedMean = [0.9 * expectedMean[0] + 0.1 * mean2[0], 0.9 * expectedMean[1] + 0.1 * mean2[1]];
        expectedVar = [0.9 * expectedVar[0] + 0.1 * var2[0], 0.9 * expectedVar[1] + 0.1 * var2[1]];
        Approx.Equal(expectedMean, Doubles(bn.running_mean!), atol: 1e-6);
        Approx.Equal(expectedVar, Doubles(bn.running_var!), atol: 1e-6);
        Assert.Equal(2L, bn.num_batches_tracked.item<long>());
    }

    [Fact]
    public void eval_forward_normalises_with_running_statistics_and_leaves_them_unchanged()
    {
        using var scope = torch.NewDisposeScope();
        using var bn = torch.nn.BatchNorm2d(2);
        bn.forward(Input(TestData.Uniform(63, 24, -1, 3)));
        var mean = Doubles(bn.running_mean!);
        var variance = Doubles(bn.running_var!);
        using (torch.no_grad())
        {
            bn.weight!.copy_(torch.tensor(new[] { 2f, 0.5f }));
            bn.bias!.copy_(torch.tensor(new[] { 1f, -1f }));
        }

        bn.eval();
        var x = TestData.Uniform(64, 24, -2, 2);
        var y = Doubles(bn.forward(Input(x)));

        Assert.Equal(mean, Doubles(bn.running_mean!));
        Assert.Equal(variance, Doubles(bn.running_var!));
        Assert.Equal(1L, bn.num_batches_tracked!.item<long>());
        double[] w = [2, 0.5], b = [1, -1];
        var expected = new double[24];
        for (var i = 0; i < 24; i++)
        {
            var c = i / 4 % 2;
            expected[i] = ((float)x[i] - mean[c]) / Math.Sqrt(variance[c] + 1e-5) * w[c] + b[c];
        }
        Approx.Equal(expected, y, atol: 1e-5);
    }

    private static Tensor Input(double[] values) => torch.tensor(values.Select(v => (float)v).ToArray(), Shape);

    private static double[] Doubles(Tensor t) => t.data<float>().Select(v => (double)v).ToArray();

    /// <summary>Per-channel mean and unbiased variance of a [3, 2, 2, 2] input (as float32 values).</summary>
    private static (double[] Mean, double[] Variance) ChannelStatistics(double[] x)
    {
        var mean = new double[2];
        var variance = new double[2];
        for (var c = 0; c < 2; c++)
        {
            var values = Enumerable.Range(0, 24).Where(i => i / 4 % 2 == c).Select(i => (double)(float)x[i]).ToArray();
            mean[c] = values.Average();
            variance[c] = values.Sum(v => (v - mean[c]) * (v - mean[c])) / (values.Length - 1);
        }
        return (mean, variance);
    }
}
