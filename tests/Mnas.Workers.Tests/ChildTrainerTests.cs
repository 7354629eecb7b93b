using Mnas.SearchSpace.Architectures;
using Mnas.Workers.Training;

namespace Mnas.Workers.Tests;

public class ChildTrainerTests
{
    // A small child for 1×16×16 inputs: a conv block and an MBConv block with SE and a pooling skip.
    internal static readonly Architecture Tiny = new(
        "tiny", new InputShape(1, SyntheticData.Side, SyntheticData.Side), SyntheticData.Classes, StemChannels: 8, StemStride: 1,
        Blocks:
        [
            new(ConvOp.Conv, 1, 3, 0, SkipOp.Identity, 8, 1, 2),
            new(ConvOp.MBConv, 3, 3, 0.25, SkipOp.Pooling, 16, 2, 2),
        ],
        HeadChannels: 32, Activation: Activation.ReLU, Dropout: 0.0);

    private static TrainingOptions Options(long seed = 1) => new() { Epochs = 3, LearningRate = 0.05, Seed = seed, Threads = 2 };

    [Fact]
    public void a_child_learns_the_toy_task_and_reports_every_epoch()
    {
        var report = ChildTrainer.Train(Tiny, new SyntheticData(512, 128, 32), Options() with { Epochs = 5 });
        Assert.Equal(ChildStatus.Succeeded, report.Status);
        Assert.Equal(5, report.Epochs.Count);
        Assert.True(report.ValidationTop1 > 0.9, $"validation top-1 {report.ValidationTop1} (chance 0.25)");
        Assert.True(report.Epochs[^1].TrainLoss < report.Epochs[0].TrainLoss);
        Assert.True(report.ImagesPerSecond > 0);
    }

    [Fact]
    public void the_same_seed_gives_the_same_numbers()
    {
        var a = ChildTrainer.Train(Tiny, new SyntheticData(128, 64, 32), Options(5));
        var b = ChildTrainer.Train(Tiny, new SyntheticData(128, 64, 32), Options(5));
        Assert.Equal(a.Epochs.Select(e => e.TrainLoss), b.Epochs.Select(e => e.TrainLoss));
        Assert.Equal(a.ValidationTop1, b.ValidationTop1);
    }

    [Fact]
    public void an_exploding_loss_fails_the_child_with_the_reason()
    {
        var report = ChildTrainer.Train(Tiny, new SyntheticData(128, 32, 32), Options() with { LearningRate = 1e6 });
        Assert.Equal(ChildStatus.Failed, report.Status);
        Assert.Contains("diverged", report.FailureReason);
        Assert.True(double.IsNaN(report.ValidationTop1));
    }

    [Fact]
    public void cancellation_stops_between_steps()
    {
        using var cancel = new CancellationTokenSource();
        var steps = 0;
        var progress = new SynchronousProgress(p =>
        {
            if (++steps == 2)
            {
                cancel.Cancel();
            }
        });
        var report = ChildTrainer.Train(Tiny, new SyntheticData(256, 32, 32), Options(), progress, cancel.Token);
        Assert.Equal(ChildStatus.Cancelled, report.Status);
        Assert.Equal(2, steps);
    }

    [Fact]
    public void bad_options_are_refused_naming_the_setting()
    {
        var e = Assert.Throws<ArgumentException>(() => ChildTrainer.Train(Tiny, new SyntheticData(8, 8, 8), Options() with { Epochs = -1 }));
        Assert.Contains("epochs: must be at least 1 (got -1)", e.Message);
    }

    private sealed class SynchronousProgress(Action<TrainingProgress> report) : IProgress<TrainingProgress>
    {
        public void Report(TrainingProgress value) => report(value);
    }
}
