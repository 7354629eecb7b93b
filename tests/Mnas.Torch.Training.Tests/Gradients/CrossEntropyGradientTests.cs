using Mnas.Torch.Training.Tests.Support;
using F = Mnas.Torch.torch.nn.functional;

namespace Mnas.Torch.Training.Tests.Gradients;

public class CrossEntropyGradientTests
{
    private static readonly long[] Targets = [2, 0, 4, 1];

    [Theory]
    [InlineData(0.0)]
    [InlineData(0.1)]
    [InlineData(0.3)]
    public void cross_entropy_with_label_smoothing_gradient_of_logits_matches_finite_differences(double smoothing)
    {
        using var scope = torch.NewDisposeScope();
        var logits = TestData.Float64(41, [4, 5], -3, 3);
        var target = torch.tensor(Targets);

        GradCheck.AssertGradientsMatch(() => F.cross_entropy(logits, target, label_smoothing: smoothing), [("logits", logits)]);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(0.1)]
    public void cross_entropy_with_label_smoothing_equals_the_smoothed_negative_log_likelihood(double smoothing)
    {
        using var scope = torch.NewDisposeScope();
        var z = TestData.Uniform(42, 20, -3, 3);
        const int classes = 5;

        var mean = F.cross_entropy(torch.tensor(z, [4, classes]), torch.tensor(Targets), label_smoothing: smoothing).item<double>();
        var sum = F.cross_entropy(torch.tensor(z, [4, classes]), torch.tensor(Targets), reduction: Reduction.Sum, label_smoothing: smoothing)
            .item<double>();
        var none = F.cross_entropy(torch.tensor(z, [4, classes]), torch.tensor(Targets), reduction: Reduction.None, label_smoothing: smoothing)
            .data<double>();

        // loss_n = (1 − ε)·(−log p[y_n]) + ε/C · Σ_c (−log p[c]), with log p = z − log Σ exp z.
        var expected = new double[4];
        for (var n = 0; n < 4; n++)
        {
            var row = z.Skip(n * classes).Take(classes).ToArray();
            var logSumExp = Math.Log(row.Sum(Math.Exp));
            var logP = row.Select(v => v - logSumExp).ToArray();
            expected[n] = (1 - smoothing) * -logP[Targets[n]] + smoothing / classes * logP.Sum(v => -v);
        }
        Approx.Equal(expected, none, atol: 1e-12);
        Assert.Equal(expected.Sum(), sum, 12);
        Assert.Equal(expected.Average(), mean, 12);
    }

    [Fact]
    public void cross_entropy_gradient_is_softmax_minus_the_smoothed_target_over_the_batch()
    {
        using var scope = torch.NewDisposeScope();
        const double smoothing = 0.2;
        const int classes = 5;
        var z = TestData.Uniform(43, 20, -3, 3);
        var logits = torch.tensor(z, [4, classes], requires_grad: true);

        F.cross_entropy(logits, torch.tensor(Targets), label_smoothing: smoothing).backward();

        var expected = new double[20];
        for (var n = 0; n < 4; n++)
        {
            var row = z.Skip(n * classes).Take(classes).ToArray();
            var total = row.Sum(Math.Exp);
            for (var c = 0; c < classes; c++)
            {
                var q = (c == Targets[n] ? 1 - smoothing : 0) + smoothing / classes;
                expected[n * classes + c] = (Math.Exp(row[c]) / total - q) / 4;
            }
        }
        Approx.Equal(expected, logits.grad!.data<double>(), atol: 1e-12);
    }
}
