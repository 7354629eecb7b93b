namespace Mnas.Torch.Tests;

public class BatchNormTests
{
    // Shape [N=2, C=2, H=1, W=2]. Channel 0 sees {1, 2, 3, 4}: mean 2.5, biased variance 1.25, unbiased 5/3.
    // Channel 1 sees {10, 10, 20, 20}: mean 15, biased variance 25, unbiased 100/3.
    private static Tensor Batch() => torch.tensor(new[] { 1f, 2f, 10f, 10f, 3f, 4f, 20f, 20f }, [2, 2, 1, 2]);

    [Fact]
    public void training_mode_normalises_with_batch_statistics_and_applies_affine()
    {
        using var scope = torch.NewDisposeScope();
        var weight = torch.tensor(new[] { 2f, 1f });
        var bias = torch.tensor(new[] { 0f, 0.5f });
        var y = torch.nn.functional.batch_norm(Batch(), torch.zeros(2), torch.ones(2), weight, bias, training: true, momentum: 0.1,
            eps: 1e-5);
        var s0 = (float)Math.Sqrt(1.25 + 1e-5);
        var s1 = (float)Math.Sqrt(25 + 1e-5);
        float C0(float v) => (v - 2.5f) / s0 * 2;
        float C1(float v) => (v - 15f) / s1 + 0.5f;
        Expect.Values([2, 2, 1, 2], [C0(1), C0(2), C1(10), C1(10), C0(3), C0(4), C1(20), C1(20)], y);
    }

    [Fact]
    public void training_mode_updates_running_statistics_with_momentum_and_unbiased_variance()
    {
        using var scope = torch.NewDisposeScope();
        var runningMean = torch.tensor(new[] { 0f, 1f });
        var runningVar = torch.tensor(new[] { 1f, 2f });
        torch.nn.functional.batch_norm(Batch(), runningMean, runningVar, training: true, momentum: 0.1);
        // new = (1 - momentum) * old + momentum * batch statistic
        Expect.Close([0.9f * 0 + 0.1f * 2.5f, 0.9f * 1 + 0.1f * 15f], runningMean.data<float>());
        Expect.Close([0.9f * 1 + 0.1f * 5f / 3f, 0.9f * 2 + 0.1f * 100f / 3f], runningVar.data<float>());
    }

    [Fact]
    public void eval_mode_uses_running_statistics_and_leaves_them_unchanged()
    {
        using var scope = torch.NewDisposeScope();
        var runningMean = torch.tensor(new[] { 1f, -2f });
        var runningVar = torch.tensor(new[] { 4f, 0.25f });
        var y = torch.nn.functional.batch_norm(Batch(), runningMean, runningVar, training: false, eps: 0);
        // channel 0: (x - 1) / 2; channel 1: (x + 2) / 0.5
        Expect.Values([2, 2, 1, 2], [0f, 0.5f, 24f, 24f, 1f, 1.5f, 44f, 44f], y);
        Assert.Equal(new[] { 1f, -2f }, runningMean.data<float>());
        Assert.Equal(new[] { 4f, 0.25f }, runningVar.data<float>());
    }

    [Fact]
    public void batchnorm2d_module_counts_batches_and_switches_to_running_stats_in_eval()
    {
        using var scope = torch.NewDisposeScope();
        using var bn = torch.nn.BatchNorm2d(2, momentum: 0.5);
        bn.call(Batch());
        Assert.Equal(1L, bn.num_batches_tracked!.item<long>());
        Expect.Close([0.5f * 2.5f, 0.5f * 15f], bn.running_mean!.data<float>());
        Expect.Close([0.5f + 0.5f * 5f / 3f, 0.5f + 0.5f * 100f / 3f], bn.running_var!.data<float>());
        bn.eval();
        var y = bn.call(torch.full([1, 2, 1, 1], 1.25));
        var expected0 = (1.25f - 1.25f) / MathF.Sqrt(0.5f + 5f / 6f + 1e-5f);
        var expected1 = (1.25f - 7.5f) / MathF.Sqrt(0.5f + 50f / 3f + 1e-5f);
        Expect.Values([1, 2, 1, 1], [expected0, expected1], y);
        Assert.Equal(1L, bn.num_batches_tracked!.item<long>());
    }
}
