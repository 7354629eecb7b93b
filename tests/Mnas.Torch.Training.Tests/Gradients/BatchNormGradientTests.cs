using Mnas.Torch.Training.Tests.Support;
using F = Mnas.Torch.torch.nn.functional;

namespace Mnas.Torch.Training.Tests.Gradients;

public class BatchNormGradientTests
{
    [Fact]
    public void batch_norm_in_training_mode_gradients_of_input_weight_and_bias_match_finite_differences()
    {
        using var scope = torch.NewDisposeScope();
        var x = TestData.Float64(11, [4, 3, 3, 2], -2, 2);
        var weight = TestData.Float64(12, [3], 0.5, 1.5);
        var bias = TestData.Float64(13, [3]);

        GradCheck.AssertGradientsMatch(() => F.batch_norm(x, null, null, weight, bias, training: true, eps: 1e-5),
            [("input", x), ("weight", weight), ("bias", bias)]);
    }

    [Fact]
    public void batch_norm_in_training_mode_with_running_statistics_has_the_same_gradients()
    {
        using var scope = torch.NewDisposeScope();
        var x = TestData.Float64(14, [3, 2, 2, 2], -2, 2);
        var weight = TestData.Float64(15, [2], 0.5, 1.5);
        var bias = TestData.Float64(16, [2]);
        var runningMean = torch.zeros([2], ScalarType.Float64);
        var runningVar = torch.ones([2], ScalarType.Float64);

        GradCheck.AssertGradientsMatch(() => F.batch_norm(x, runningMean, runningVar, weight, bias, training: true, eps: 1e-5),
            [("input", x), ("weight", weight), ("bias", bias)]);
    }

    [Fact]
    public void batch_norm_in_training_mode_normalises_each_channel_with_its_batch_statistics()
    {
        using var scope = torch.NewDisposeScope();
        long[] shape = [4, 3, 2, 2];
        var xs = TestData.Uniform(17, TestData.Count(shape), -2, 2);
        double[] w = [0.5, 1.0, 2.0], b = [0.1, -0.2, 0.3];
        const double eps = 1e-5;

        var y = F.batch_norm(torch.tensor(xs, shape), null, null, torch.tensor(w), torch.tensor(b), training: true, eps: eps)
            .data<double>();

        var expected = new double[xs.Length];
        for (var c = 0; c < 3; c++)
        {
            var indices = Enumerable.Range(0, 4).SelectMany(n => Enumerable.Range(0, 4).Select(s => (n * 3 + c) * 4 + s)).ToArray();
            var mean = indices.Average(i => xs[i]);
            var biasedVariance = indices.Average(i => (xs[i] - mean) * (xs[i] - mean));
            foreach (var i in indices)
            {
                expected[i] = (xs[i] - mean) / Math.Sqrt(biasedVariance + eps) * w[c] + b[c];
            }
        }
        Approx.Equal(expected, y, atol: 1e-12);
    }
}
