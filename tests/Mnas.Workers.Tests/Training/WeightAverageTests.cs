using Mnas.Torch;
using Mnas.Torch.Modules;
using Mnas.Workers.Networks.Child;
using Mnas.Workers.Training;

namespace Mnas.Workers.Tests.Training;

public class WeightAverageTests
{
    private static Sequential Small()
    {
        torch.manual_seed(3);
        return new Sequential(("conv", new Conv2d(2, 3, 1)), ("bn", new BatchNorm2d(3)));
    }

    private static Dictionary<string, double[]> Snapshot(Module network) =>
        network.state_dict().ToDictionary(entry => entry.Key, entry => Values(entry.Value));

    private static double[] Values(Tensor tensor)
    {
        using var wide = tensor.to(ScalarType.Float64);
        return wide.data<double>();
    }

    [Fact]
    public void the_average_is_the_hand_computed_moving_average_and_buffers_are_copied()
    {
        const double decay = 0.7;
        using var network = Small();
        var parameterNames = network.named_parameters().Select(p => p.Name).ToHashSet();
        var expected = Snapshot(network);
        using var average = new WeightAverage(network, decay);
        for (var step = 1; step <= 3; step++)
        {
            using (var scope = torch.NewDisposeScope())
            {
                // A "step": every parameter moves, and a training-mode forward moves batch norm's running statistics.
                using (torch.no_grad())
                {
                    foreach (var p in network.parameters())
                    {
                        p.add_(torch.randn(p.shape) * 0.5);
                    }
                }
                network.train();
                network.forward(torch.randn(4, 2, 3, 3));
            }
            average.Update();
            var now = Snapshot(network);
            foreach (var (name, values) in now)
            {
                expected[name] = parameterNames.Contains(name)
                    ? expected[name].Zip(values, (shadow, weight) => decay * shadow + (1 - decay) * weight).ToArray()
                    : values;
            }
        }

        var averages = average.Averages;
        Assert.Equal(expected.Keys.Order(), averages.Keys.Order());
        foreach (var (name, values) in expected)
        {
            var actual = Values(averages[name]);
            for (var i = 0; i < values.Length; i++)
            {
                Assert.True(Math.Abs(values[i] - actual[i]) < 1e-5, $"{name}[{i}]: expected {values[i]}, got {actual[i]}");
            }
        }
        Assert.Equal(3L, averages["bn.num_batches_tracked"].item<long>());
    }

    [Fact]
    public void swapping_in_scores_with_the_average_and_gives_the_networks_own_weights_back()
    {
        using var network = Small();
        using var average = new WeightAverage(network, 0.5);
        using (torch.no_grad())
        {
            foreach (var p in network.parameters())
            {
                p.add_(1.0);
            }
        }
        average.Update();
        var own = Snapshot(network);
        var averaged = average.Averages.ToDictionary(entry => entry.Key, entry => Values(entry.Value));
        Assert.NotEqual(own["conv.weight"], averaged["conv.weight"]);

        using (average.SwapIn())
        {
            Assert.Equal(averaged["conv.weight"], Snapshot(network)["conv.weight"]);
        }
        Assert.Equal(own["conv.weight"], Snapshot(network)["conv.weight"]);

        average.CopyTo();
        Assert.Equal(averaged["conv.weight"], Snapshot(network)["conv.weight"]);
    }

    [Fact]
    public void a_decay_outside_zero_to_one_is_refused()
    {
        using var network = Small();
        Assert.Throws<ArgumentOutOfRangeException>(() => new WeightAverage(network, 1.0));
    }

    [Fact]
    public void the_trainer_scores_and_keeps_the_average_of_its_steps()
    {
        const double decay = 0.8;
        ChildNetwork? kept = null;
        Dictionary<string, double[]>? shadow = null;
        Dictionary<string, double[]>? last = null;
        var progress = new SynchronousProgress(_ =>
        {
            last = Snapshot(kept!);
            foreach (var p in kept!.named_parameters())
            {
                shadow![p.Name] = shadow[p.Name].Zip(last[p.Name], (s, w) => decay * s + (1 - decay) * w).ToArray();
            }
        });
        var options = new TrainingOptions { Epochs = 2, LearningRate = 0.05, Seed = 3, Threads = 2, EmaDecay = decay };
        var data = new SyntheticData(64, 64, 32);
        var report = ChildTrainer.Train(ChildTrainerTests.Tiny, data, options, progress, keep: model =>
        {
            kept = model;
            shadow = Snapshot(model);
        });
        using var network = kept!;

        Assert.Equal(ChildStatus.Succeeded, report.Status);
        var held = Snapshot(network);
        var parameterNames = network.named_parameters().Select(p => p.Name).ToHashSet();
        foreach (var (name, values) in held)
        {
            // Parameters: the average of the trajectory; buffers: the last step's.
            var expected = parameterNames.Contains(name) ? shadow![name] : last![name];
            for (var i = 0; i < values.Length; i++)
            {
                Assert.True(Math.Abs(expected[i] - values[i]) < 1e-5, $"{name}[{i}]: expected {expected[i]}, got {values[i]}");
            }
        }
        Assert.NotEqual(last!["classifier.weight"], held["classifier.weight"]);
        Assert.Equal(report.ValidationTop1, ChildTrainer.Evaluate(network, data));
    }

    private sealed class SynchronousProgress(Action<TrainingProgress> report) : IProgress<TrainingProgress>
    {
        public void Report(TrainingProgress value) => report(value);
    }
}
