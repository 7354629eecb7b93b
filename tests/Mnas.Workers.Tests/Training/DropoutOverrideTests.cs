using Mnas.Torch;
using Mnas.Workers.Networks.Child;
using Mnas.Workers.Training;

namespace Mnas.Workers.Tests.Training;

public class DropoutOverrideTests
{
    [Fact]
    public void a_child_keeps_its_architectures_dropout_unless_given_another()
    {
        var architecture = ChildTrainerTests.Tiny with { Dropout = 0.2 };
        using var own = new ChildNetwork(architecture);
        using var overridden = new ChildNetwork(architecture, dropout: 0.6);
        using var none = new ChildNetwork(architecture, dropout: 0);
        Assert.Equal((0.2, 0.6, 0.0), (own.DropoutRate, overridden.DropoutRate, none.DropoutRate));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ChildNetwork(architecture, dropout: 1.0));
    }

    [Fact]
    public void the_overridden_dropout_acts_in_training_and_not_in_eval()
    {
        // Tiny's own dropout is 0: in training mode its outputs repeat; with 0.5 they do not.
        using var scope = torch.NewDisposeScope();
        torch.manual_seed(2);
        using var own = new ChildNetwork(ChildTrainerTests.Tiny);
        using var dropped = new ChildNetwork(ChildTrainerTests.Tiny, dropout: 0.5);
        dropped.load_state_dict(own.state_dict());
        var input = torch.randn(4, 1, SyntheticData.Side, SyntheticData.Side);
        var snapshot = own.state_dict().ToDictionary(e => e.Key, e => e.Value.clone());

        Assert.Equal(own.forward(input).data<float>(), own.forward(input).data<float>());
        Assert.NotEqual(dropped.forward(input).data<float>(), dropped.forward(input).data<float>());

        own.load_state_dict(snapshot);
        dropped.load_state_dict(snapshot);
        own.eval();
        dropped.eval();
        Assert.Equal(own.forward(input).data<float>(), dropped.forward(input).data<float>());
    }

    [Fact]
    public void the_trainer_builds_the_child_with_the_options_dropout()
    {
        ChildNetwork? kept = null;
        var options = new TrainingOptions { Epochs = 1, Seed = 1, Threads = 2 };
        var plain = ChildTrainer.Train(ChildTrainerTests.Tiny, new SyntheticData(64, 32, 16), options);
        var report = ChildTrainer.Train(ChildTrainerTests.Tiny, new SyntheticData(64, 32, 16), options with { Dropout = 0.5 },
            keep: model => kept = model);
        using var network = kept!;
        Assert.Equal(0.5, network.DropoutRate);
        Assert.NotEqual(plain.Epochs[0].TrainLoss, report.Epochs[0].TrainLoss);
    }
}
