using Mnas.SearchSpace.Architectures;
using Mnas.SearchSpace.Views;
using Mnas.Workers.Datasets;
using Mnas.Workers.Training;

namespace Mnas.Workers.Tests;

public class ProxyTaskTests
{
    [Fact]
    public void mobilenet_v2_learns_fashion_mnist_from_a_small_subset()
    {
        var cache = DatasetCacheDirectory.Default();
        DatasetFetcher.Fetch("fashion-mnist", cache);
        var task = ProxyTask.Load("fashion-mnist", new ProxyTaskOptions { BatchSize = 64, TrainSubset = 2_000, ValidationSubset = 1_000, Seed = 3 }, cache);
        Assert.Equal(2_000, task.TrainImages);
        Assert.Equal(1_000, task.ValidationImages);
        var proxy = ArchitectureViews.Proxy(BuiltinArchitectures.MobileNetV2, new InputShape(1, 28, 28), 10);

        var report = ChildTrainer.Train(proxy, task, new TrainingOptions { Epochs = 2, LearningRate = 0.05, Threads = 2 });

        Assert.Equal(ChildStatus.Succeeded, report.Status);
        Assert.True(report.ValidationTop1 > 0.5, $"validation top-1 {report.ValidationTop1} (chance 0.1)");
    }

    [Fact]
    public void bad_task_options_name_the_setting()
    {
        var options = new ProxyTaskOptions { BatchSize = 0, ValidationFraction = 1.5 };
        var problems = options.Validate().ToList();
        Assert.Contains(problems, p => p.StartsWith("batch_size:", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("validation_fraction:", StringComparison.Ordinal));
    }
}
