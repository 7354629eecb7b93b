using F = Mnas.Torch.torch.nn.functional;

namespace Mnas.Torch.Tests;

public class LossTests
{
    // Logits [[1, 2, 3], [1, 1, 1]] with targets [2, 0].
    private static Tensor Logits() => torch.tensor(new[] { 1f, 2f, 3f, 1f, 1f, 1f }, [2, 3]);
    private static Tensor Targets() => torch.tensor(new[] { 2L, 0L });

    /// <summary>-log softmax(row)[c], from the definition.</summary>
    private static double NegLogP(double[] row, int c) => Math.Log(row.Sum(Math.Exp)) - row[c];

    private static readonly double[] Row0 = [1, 2, 3];
    private static readonly double[] Row1 = [1, 1, 1];

    [Fact]
    public void cross_entropy_is_the_mean_negative_log_softmax_of_the_target()
    {
        using var scope = torch.NewDisposeScope();
        var nll0 = NegLogP(Row0, 2); // log(e + e^2 + e^3) - 3 = 0.407606
        var nll1 = NegLogP(Row1, 0); // log 3
        Expect.Close(0.4076059644, nll0, 1e-9);
        Expect.Close((nll0 + nll1) / 2, F.cross_entropy(Logits(), Targets()).item<float>());
        Expect.Close(nll0 + nll1, F.cross_entropy(Logits(), Targets(), reduction: Reduction.Sum).item<float>());
        Expect.Values([2], [(float)nll0, (float)nll1], F.cross_entropy(Logits(), Targets(), reduction: Reduction.None));
    }

    [Fact]
    public void cross_entropy_with_label_smoothing_mixes_in_the_mean_over_classes()
    {
        using var scope = torch.NewDisposeScope();
        const double eps = 0.1;
        double Smoothed(double[] row, int target) =>
            (1 - eps) * NegLogP(row, target) + eps * Enumerable.Range(0, row.Length).Average(c => NegLogP(row, c));
        var expected = (Smoothed(Row0, 2) + Smoothed(Row1, 0)) / 2;
        Expect.Close(expected, F.cross_entropy(Logits(), Targets(), label_smoothing: eps).item<float>());
    }

    [Fact]
    public void cross_entropy_with_class_weights_is_a_weighted_mean()
    {
        using var scope = torch.NewDisposeScope();
        var weight = torch.tensor(new[] { 1f, 2f, 3f });
        // targets 2 and 0 weigh 3 and 1
        var expected = (3 * NegLogP(Row0, 2) + 1 * NegLogP(Row1, 0)) / (3 + 1);
        Expect.Close(expected, F.cross_entropy(Logits(), Targets(), weight).item<float>());
    }

    [Fact]
    public void cross_entropy_skips_the_ignored_index()
    {
        using var scope = torch.NewDisposeScope();
        var targets = torch.tensor(new[] { 2L, -100L });
        Expect.Close(NegLogP(Row0, 2), F.cross_entropy(Logits(), targets).item<float>());
    }

    [Fact]
    public void nll_loss_negates_the_target_log_probability()
    {
        using var scope = torch.NewDisposeScope();
        var logProbs = torch.tensor(new[] { -0.5f, -1f, -2f, -3f, -0.25f, -1f }, [2, 3]);
        var targets = torch.tensor(new[] { 0L, 1L });
        Assert.Equal(0.375f, F.nll_loss(logProbs, targets).item<float>());
        Assert.Equal(0.75f, F.nll_loss(logProbs, targets, reduction: Reduction.Sum).item<float>());
        Assert.Equal(new[] { 0.5f, 0.25f }, F.nll_loss(logProbs, targets, reduction: Reduction.None).data<float>());
    }

    [Fact]
    public void nll_loss_of_log_softmax_equals_cross_entropy_of_logits()
    {
        using var scope = torch.NewDisposeScope();
        var expected = (NegLogP(Row0, 2) + NegLogP(Row1, 0)) / 2;
        Expect.Close(expected, F.nll_loss(Logits().log_softmax(1), Targets()).item<float>());
    }

    [Fact]
    public void mse_loss_averages_squared_differences()
    {
        using var scope = torch.NewDisposeScope();
        var input = torch.tensor(new[] { 1f, 2f, 3f });
        var target = torch.tensor(new[] { 2f, 2f, 5f });
        Expect.Close(5.0 / 3, F.mse_loss(input, target).item<float>());
        Assert.Equal(5f, F.mse_loss(input, target, Reduction.Sum).item<float>());
        Assert.Equal(new[] { 1f, 0f, 4f }, F.mse_loss(input, target, Reduction.None).data<float>());
    }
}
