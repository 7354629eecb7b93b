using Mnas.Torch;
using Mnas.Torch.Modules;
using Mnas.Workers.Supernet;

namespace Mnas.Workers.Tests.Supernet;

public class MixedLayerTests
{
    private static readonly double[] Factors = [0.5, 1.0, 2.0, 3.0];

    [Fact]
    public void a_toy_supernet_whose_second_candidate_is_clearly_best_converges_its_logits_to_it()
    {
        torch.manual_seed(17);
        using var layer = new MixedLayer(Factors.Select(f => (Module<Tensor, Tensor>?)new Scale(f)).ToList(), Factors.Select(_ => true).ToList());
        using var theta = new Parameter(torch.zeros([Factors.Length]));
        using var adam = torch.optim.Adam([theta], 0.05);

        for (var step = 0; step < 400; step++)
        {
            using var scope = torch.NewDisposeScope();
            adam.zero_grad();
            var x = torch.randn([64, 4]);
            var weights = GumbelSoftmax.Sample(theta, 1.0, hard: false);
            var loss = torch.nn.functional.mse_loss(layer.forward(x, weights), x * 2.0);
            loss.backward();
            adam.step();
        }

        var distribution = theta.detach().softmax(0).data<float>();
        Assert.True(distribution[2] > 0.9, $"P_θ = [{string.Join(", ", distribution.Select(p => p.ToString("F3")))}]: the ×2 candidate should dominate");
    }

    [Fact]
    public void candidates_of_weight_zero_are_not_run_and_a_skip_passes_its_input()
    {
        var counters = Factors.Select(f => new Scale(f)).ToArray();
        using var layer = new MixedLayer([.. counters.Select(c => (Module<Tensor, Tensor>?)c), null], [true, true, true, false, true]);
        using var scope = torch.NewDisposeScope();
        var x = torch.tensor([1f, 2f]);

        var chosen = layer.forward(x, torch.tensor([0f, 0f, 1f, 0.5f, 0f]));
        var skipped = layer.forward(x, torch.tensor([0f, 0f, 0f, 0f, 1f]));

        Assert.Equal([2f, 4f], chosen.data<float>());
        Assert.Equal([0, 0, 1, 0], counters.Select(c => c.Calls));
        Assert.Equal([1f, 2f], skipped.data<float>());
    }

    private sealed class Scale(double factor) : Module<Tensor, Tensor>
    {
        public int Calls { get; private set; }

        public override Tensor forward(Tensor input)
        {
            Calls++;
            return input * factor;
        }
    }
}
