using System.Globalization;
using Mnas.SearchSpace.Architectures;
using Mnas.SearchSpace.Views;
using Mnas.Workers.Datasets;
using Mnas.Workers.Training;

namespace Mnas.Benchmarks;

/// <summary>
/// Trains mobilenet_v2's proxy view (28×28×1, 10 classes) for one epoch on a 10k-image
/// Fashion-MNIST subset and scores it on the held-out validation split.
/// </summary>
internal static class TrainBenchmark
{
    public static int Run(int subset, int epochs, int batch)
    {
        var fetched = DatasetFetcher.Fetch("fashion-mnist");
        Console.WriteLine($"fashion-mnist: {fetched.Count} images ({(fetched.AlreadyCached ? "cached" : "fetched now")})");
        var task = ProxyTask.Load("fashion-mnist", new ProxyTaskOptions { BatchSize = batch, TrainSubset = subset, ValidationSubset = 5000, Seed = 0 });
        var proxy = ArchitectureViews.Proxy(BuiltinArchitectures.MobileNetV2, new InputShape(task.Input.Channels, task.Input.Height, task.Input.Width), task.Classes);
        Console.WriteLine($"mobilenet_v2 proxy view: stem stride {proxy.StemStride}, strides {string.Join(",", proxy.Blocks.Select(b => b.Stride))}; {task.TrainImages} train / {task.ValidationImages} validation images");
        var options = new TrainingOptions { Epochs = epochs, LearningRate = 0.05, Threads = Environment.ProcessorCount, Seed = 0 };
        var report = ChildTrainer.Train(proxy, task, options);
        foreach (var e in report.Epochs)
        {
            Console.WriteLine(FormattableString.Invariant($"epoch {e.Epoch}: loss {e.TrainLoss:F4} train acc {e.TrainAccuracy:F4} val acc {e.ValidationAccuracy:F4} ({e.Elapsed.TotalSeconds:F1} s)"));
        }
        Console.WriteLine($"status={report.Status.ToString().ToLowerInvariant()}");
        Console.WriteLine($"threads={options.Threads}");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"wall_s={report.Wall.TotalSeconds:F1}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"val_acc={report.ValidationTop1:F4}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"train_img_per_s={report.ImagesPerSecond:F1}"));
        return report.Status == ChildStatus.Succeeded ? 0 : 1;
    }
}
