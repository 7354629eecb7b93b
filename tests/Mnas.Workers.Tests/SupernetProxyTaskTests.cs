using Mnas.Workers.Datasets;
using Mnas.Workers.Training;

namespace Mnas.Workers.Tests;

public class SupernetProxyTaskTests
{
    [Fact]
    public void a_supernet_task_splits_the_training_part_four_to_one_and_keeps_the_validation_part()
    {
        const int Images = 1_000;
        var pixels = Enumerable.Range(0, Images * 4).Select(i => (byte)(i * 37 % 251)).ToArray();
        var labels = Enumerable.Range(0, Images).Select(i => (byte)(i % 10)).ToArray();
        var dataset = new ImageDataset("toy", pixels, labels, 1, 2, 2, 10, allowsHorizontalFlip: false);
        var options = new ProxyTaskOptions { BatchSize = 100, Seed = 4 };

        var (weights, architecture) = ProxyTask.ForSupernet(dataset, options);
        var whole = new ProxyTask(dataset, options);

        Assert.Equal((720, 180), (weights.TrainImages, architecture.TrainImages));
        Assert.Equal(whole.TrainImages, weights.TrainImages + architecture.TrainImages);
        Assert.Equal(whole.ValidationImages, weights.ValidationImages);
        Assert.Equal(whole.ValidationImages, architecture.ValidationImages);
        Assert.Throws<ArgumentOutOfRangeException>(() => ProxyTask.ForSupernet(dataset, options, weightFraction: 1));
    }
}
