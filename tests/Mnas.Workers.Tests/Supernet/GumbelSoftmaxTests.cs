using Mnas.Torch;
using Mnas.Workers.Supernet;

namespace Mnas.Workers.Tests.Supernet;

public class GumbelSoftmaxTests
{
    private static readonly double[] Logits = [1.0, 0.0, -1.0, 0.5];

    [Fact]
    public void the_mean_of_many_hard_samples_is_the_softmax_of_the_logits()
    {
        const int Samples = 20_000;
        torch.manual_seed(3);
        using var scope = torch.NewDisposeScope();
        var logits = torch.tensor(Logits, [1, Logits.Length]).expand(Samples, Logits.Length);

        var samples = GumbelSoftmax.Sample(logits, 1.0, hard: true);

        var mean = samples.mean(0).data<double>();
        var expected = torch.tensor(Logits).softmax(0).data<double>();
        for (var i = 0; i < Logits.Length; i++)
        {
            Assert.True(Math.Abs(mean[i] - expected[i]) < 0.015, $"candidate {i}: mean {mean[i]:F4}, softmax {expected[i]:F4}");
        }
        Assert.All(samples.sum(-1).data<double>(), s => Assert.Equal(1.0, s, 12));
        Assert.All(samples.data<double>(), v => Assert.True(v is 0.0 or 1.0, $"a hard sample holds {v}"));
    }

    [Fact]
    public void a_hard_sample_is_the_one_hot_of_the_soft_sample_forward_and_carries_its_gradient_backward()
    {
        torch.manual_seed(5);
        using var scope = torch.NewDisposeScope();
        var noise = GumbelSoftmax.Noise([Logits.Length]);
        var weights = torch.tensor([0.3, -1.2, 2.0, 0.7]);
        var softLogits = torch.tensor(Logits, requires_grad: true);
        var hardLogits = torch.tensor(Logits, requires_grad: true);

        var soft = GumbelSoftmax.Sample(softLogits, noise, 0.5, hard: false);
        var hard = GumbelSoftmax.Sample(hardLogits, noise, 0.5, hard: true);
        (soft * weights).sum().backward();
        (hard * weights).sum().backward();

        var chosen = soft.argmax().item<long>();
        Assert.Equal(Enumerable.Range(0, Logits.Length).Select(i => i == chosen ? 1.0 : 0.0), hard.detach().data<double>());
        Assert.Equal(softLogits.grad!.data<double>(), hardLogits.grad!.data<double>());
    }

    [Fact]
    public void a_lower_temperature_makes_soft_samples_closer_to_one_hot()
    {
        torch.manual_seed(9);
        using var scope = torch.NewDisposeScope();
        var logits = torch.tensor(Logits, [1, Logits.Length]).expand(2_000, Logits.Length);
        var noise = GumbelSoftmax.Noise(logits.shape);

        var warm = Largest(GumbelSoftmax.Sample(logits, noise, 5.0, hard: false));
        var cold = Largest(GumbelSoftmax.Sample(logits, noise, 0.1, hard: false));

        Assert.True(cold > 0.95 && warm < 0.6, $"mean largest weight at τ = 0.1: {cold:F3}, at τ = 5: {warm:F3}");
    }

    private static double Largest(Tensor samples) => samples.gather(-1, samples.argmax(-1, keepdim: true)).mean().item<double>();
}
