using Mnas.Costs.Graph;
using Mnas.SearchSpace.Architectures;
using Mnas.Torch;
using Mnas.Workers.Networks.Child;
using Mnas.Workers.Training;

namespace Mnas.Workers.Tests.Training;

public class StochasticDepthTests
{
    private static readonly LayerConfig Residual = new(ConvOp.MBConv, 3, 3, 0, LayerShortcut.Identity, 4, 4, 1, 5, 5, Activation.ReLU);

    /// <summary>A residual layer with the given drop chance whose branch is not zero (its last BN scale set to 1) and another with the same weights and none.</summary>
    private static (ChildLayer Dropping, ChildLayer Keeping) Layers(double chance)
    {
        torch.manual_seed(8);
        var dropping = new ChildLayer(Residual, chance);
        using (torch.no_grad())
        {
            dropping.LastBatchNorm.weight!.fill_(1);
        }
        var keeping = new ChildLayer(Residual);
        keeping.load_state_dict(dropping.state_dict());
        return (dropping, keeping);
    }

    [Fact]
    public void in_training_each_images_branch_is_dropped_or_kept_and_scaled()
    {
        const double chance = 0.5;
        var (dropping, keeping) = Layers(chance);
        using var a = dropping;
        using var b = keeping;
        using var scope = torch.NewDisposeScope();
        var input = torch.randn(16, 4, 5, 5);
        var x = input.data<float>();
        var full = keeping.forward(input).data<float>();
        torch.manual_seed(9);
        var output = dropping.forward(input).data<float>();

        var perImage = 4 * 5 * 5;
        int dropped = 0, kept = 0;
        for (var n = 0; n < 16; n++)
        {
            var range = Enumerable.Range(n * perImage, perImage).ToArray();
            var isDropped = range.All(i => Math.Abs(output[i] - x[i]) < 1e-5);
            var isKept = range.All(i => Math.Abs(output[i] - (x[i] + (full[i] - x[i]) / (1 - chance))) < 1e-4);
            Assert.True(isDropped ^ isKept, $"image {n} is neither its shortcut nor its scaled branch");
            dropped += isDropped ? 1 : 0;
            kept += isKept ? 1 : 0;
        }
        Assert.True(dropped > 0 && kept > 0, $"{dropped} dropped, {kept} kept");
    }

    [Fact]
    public void in_eval_mode_the_branch_is_always_kept_unscaled()
    {
        var (dropping, keeping) = Layers(0.5);
        using var a = dropping;
        using var b = keeping;
        dropping.eval();
        keeping.eval();
        using var scope = torch.NewDisposeScope();
        var input = torch.randn(8, 4, 5, 5);
        var first = dropping.forward(input).data<float>();
        Assert.Equal(first, dropping.forward(input).data<float>());
        Assert.Equal(keeping.forward(input).data<float>(), first);
    }

    [Fact]
    public void without_stochastic_depth_training_mode_output_is_the_full_branch_every_time()
    {
        var (_, keeping) = Layers(0.5);
        using var layer = keeping;
        using var scope = torch.NewDisposeScope();
        var input = torch.randn(8, 4, 5, 5);
        var first = layer.forward(input).data<float>();
        torch.manual_seed(123);
        Assert.Equal(first, layer.forward(input).data<float>());
    }

    [Fact]
    public void the_residual_layers_chances_grow_linearly_to_the_setting()
    {
        using var network = new ChildNetwork(ChildTrainerTests.Tiny, stochasticDepth: 0.3);
        var layers = network.modules().OfType<ChildLayer>().ToList();
        var residual = layers.Where(l => l.Config.Shortcut != LayerShortcut.None).ToList();
        Assert.True(residual.Count >= 2);
        Assert.Equal(residual.Select((_, i) => 0.3 * (i + 1) / residual.Count), residual.Select(l => l.BranchDropChance));
        Assert.All(layers.Except(residual), l => Assert.Equal(0, l.BranchDropChance));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ChildLayer(Residual with { Shortcut = LayerShortcut.None }, 0.1));
    }

    [Fact]
    public void stochastic_depth_changes_training_only_and_zero_is_the_plain_run()
    {
        var data = new SyntheticData(64, 32, 16);
        var options = new TrainingOptions { Epochs = 1, Seed = 4, Threads = 2 };
        var plain = ChildTrainer.Train(ChildTrainerTests.Tiny, data, options);
        var zero = ChildTrainer.Train(ChildTrainerTests.Tiny, data, options with { StochasticDepth = 0 });
        var deep = ChildTrainer.Train(ChildTrainerTests.Tiny, data, options with { StochasticDepth = 0.5 });
        var again = ChildTrainer.Train(ChildTrainerTests.Tiny, data, options with { StochasticDepth = 0.5 });

        Assert.Equal(plain.Epochs[0].TrainLoss, zero.Epochs[0].TrainLoss);
        Assert.Equal(plain.ValidationTop1, zero.ValidationTop1);
        Assert.NotEqual(plain.Epochs[0].TrainLoss, deep.Epochs[0].TrainLoss);
        Assert.Equal(deep.Epochs[0].TrainLoss, again.Epochs[0].TrainLoss);
    }
}
