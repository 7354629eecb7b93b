using Mnas.Torch;
using Mnas.Workers.Networks.Child;
using Mnas.Workers.Training;

namespace Mnas.Workers.Tests.Training;

public class MixupTests
{
    [Theory]
    [InlineData(0.2)]
    [InlineData(1.0)]
    [InlineData(2.5)]
    public void lambda_has_the_mean_and_variance_of_beta_alpha_alpha(double alpha)
    {
        // Beta(α, α): mean ½, variance 1/(4(2α + 1)).
        var sampler = new BetaSampler(alpha, alpha, seed: 11);
        var draws = Enumerable.Range(0, 40_000).Select(_ => sampler.Next()).ToArray();
        var mean = draws.Average();
        var variance = draws.Select(d => (d - mean) * (d - mean)).Average();
        Assert.All(draws, d => Assert.InRange(d, 0, 1));
        Assert.InRange(mean, 0.49, 0.51);
        var expected = 1 / (4 * (2 * alpha + 1));
        Assert.InRange(variance, expected * 0.95, expected * 1.05);
    }

    [Fact]
    public void lambda_is_deterministic_for_a_seed()
    {
        var a = new BetaSampler(0.4, 0.4, seed: 5);
        var b = new BetaSampler(0.4, 0.4, seed: 5);
        var c = new BetaSampler(0.4, 0.4, seed: 6);
        var first = Enumerable.Range(0, 10).Select(_ => a.Next()).ToArray();
        Assert.Equal(first, Enumerable.Range(0, 10).Select(_ => b.Next()));
        Assert.NotEqual(first, Enumerable.Range(0, 10).Select(_ => c.Next()));
    }

    [Fact]
    public void a_mixed_batch_is_lambda_x_plus_one_minus_lambda_x_shuffled()
    {
        using var scope = torch.NewDisposeScope();
        torch.manual_seed(1);
        var images = torch.randn(4, 1, 2, 2).to(torch.channels_last);
        var labels = torch.tensor(new long[] { 0, 1, 2, 3 });
        var mixed = new Mixup(0.5, seed: 2).Mix(images, labels);

        Assert.InRange(mixed.Lambda, 0, 1);
        var order = mixed.Permutation.data<long>();
        Assert.Equal([0L, 1, 2, 3], order.Order());
        var x = images.data<float>();
        var actual = mixed.Images.data<float>();
        for (var n = 0; n < 4; n++)
        {
            for (var k = 0; k < 4; k++)
            {
                var expected = mixed.Lambda * x[n * 4 + k] + (1 - mixed.Lambda) * x[order[n] * 4 + k];
                Assert.True(Math.Abs(expected - actual[n * 4 + k]) < 1e-6, $"image {n}, pixel {k}: expected {expected}, got {actual[n * 4 + k]}");
            }
        }
        Assert.True(mixed.Images.is_contiguous(MemoryFormat.ChannelsLast));
    }

    [Fact]
    public void the_mixed_loss_blends_both_labels_cross_entropies_and_is_the_plain_loss_at_lambda_one()
    {
        using var scope = torch.NewDisposeScope();
        torch.manual_seed(4);
        var images = torch.randn(4, 1, 2, 2);
        var logits = torch.randn(4, 3);
        var labels = torch.tensor(new long[] { 0, 1, 2, 1 });
        var permutation = torch.tensor(new long[] { 2, 0, 3, 1 });
        var plain = torch.nn.functional.cross_entropy(logits, labels, label_smoothing: 0.1).item<float>();
        var shuffled = torch.nn.functional.cross_entropy(logits, labels.index_select(0, permutation), label_smoothing: 0.1).item<float>();

        var whole = Mixup.Mix(images, labels, 1.0, permutation);
        Assert.Equal(images.data<float>(), whole.Images.data<float>());
        Assert.Equal(plain, whole.Loss(logits, 0.1).item<float>());

        var blended = Mixup.Mix(images, labels, 0.3, permutation).Loss(logits, 0.1).item<float>();
        Assert.Equal(0.3 * plain + 0.7 * shuffled, blended, 1e-5);
    }

    [Fact]
    public void alpha_zero_trains_exactly_as_without_mixup_and_alpha_above_zero_trains_otherwise()
    {
        var plain = Trained(new TrainingOptions { Epochs = 1, Seed = 6, Threads = 2 });
        var zero = Trained(new TrainingOptions { Epochs = 1, Seed = 6, Threads = 2, MixupAlpha = 0 });
        var mixed = Trained(new TrainingOptions { Epochs = 1, Seed = 6, Threads = 2, MixupAlpha = 0.4 });
        var again = Trained(new TrainingOptions { Epochs = 1, Seed = 6, Threads = 2, MixupAlpha = 0.4 });

        Assert.Equal(plain.Loss, zero.Loss);
        Assert.Equal(plain.Weights, zero.Weights);
        Assert.NotEqual(plain.Loss, mixed.Loss);
        Assert.NotEqual(plain.Weights, mixed.Weights);
        Assert.Equal(mixed.Weights, again.Weights);
    }

    private static (double Loss, float[] Weights) Trained(TrainingOptions options)
    {
        ChildNetwork? kept = null;
        var report = ChildTrainer.Train(ChildTrainerTests.Tiny, new SyntheticData(64, 32, 16), options, keep: model => kept = model);
        using var network = kept!;
        Assert.Equal(ChildStatus.Succeeded, report.Status);
        return (report.Epochs[0].TrainLoss, network.parameters().SelectMany(p => p.data<float>()).ToArray());
    }
}
