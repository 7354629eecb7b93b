using System.CommandLine;
using System.Globalization;
using Mnas.SearchSpace.Architectures;
using Mnas.SearchSpace.Spec;
using Mnas.SearchSpace.Views;
using Mnas.Workers.Training;
using Spectre.Console;

namespace Mnas.Host.Commands;

/// <summary><c>mnas train</c>: train an architecture's proxy view on a proxy dataset, with a progress bar.</summary>
internal static class TrainCommand
{
    public static Command Create()
    {
        var arch = new Option<string>("--arch") { Description = "a built-in architecture or an architecture JSON file", Required = true };
        var spec = new Option<string?>("--spec") { Description = "a campaign spec (JSON or YAML) whose proxy section sets the defaults below" };
        var epochs = new Option<int>("--epochs") { Description = "training epochs (default 5)" };
        var dataset = new Option<string>("--dataset") { Description = "fashion-mnist (default) or mnist" };
        var batch = new Option<int>("--batch") { Description = "images per step (default 64)" };
        var subset = new Option<int>("--subset") { Description = "train on this many images of the training split" };
        var lr = new Option<double>("--lr") { Description = "initial learning rate, cosine schedule (default 0.05)" };
        var smoothing = new Option<double>("--label-smoothing") { Description = "default 0" };
        var augment = new Option<bool>("--augment") { Description = "random crops (and flips where the dataset allows)" };
        var seed = new Option<int>("--seed") { Description = "default 0" };
        var threads = new Option<int>("--threads") { DefaultValueFactory = _ => Environment.ProcessorCount };
        var cache = new Option<string?>("--cache") { Description = "dataset cache directory" };
        var command = new Command("train", "Train an architecture's proxy view and report validation accuracy")
        {
            arch, spec, epochs, dataset, batch, subset, lr, smoothing, augment, seed, threads, cache,
        };
        command.SetAction(result => CommandErrors.Run(() =>
        {
            T Pick<T>(Option<T> option, T fallback) => result.GetResult(option) is { Implicit: false } ? result.GetValue(option)! : fallback;
            var architecture = ArchitectureResolver.Resolve(result.GetValue(arch)!);
            var proxySpec = result.GetValue(spec) is { } path ? CampaignSpecLoader.Load(path).Proxy : new ProxySpec();
            var plan = ProxyTrainingPlan.FromSpec(proxySpec);
            var training = plan.Training with
            {
                Epochs = Pick(epochs, plan.Training.Epochs), LearningRate = Pick(lr, plan.Training.LearningRate),
                LabelSmoothing = Pick(smoothing, plan.Training.LabelSmoothing), Seed = Pick(seed, (int)plan.Training.Seed),
                Threads = result.GetValue(threads),
            };
            training.ThrowIfInvalid();
            var taskOptions = plan.Data with
            {
                BatchSize = Pick(batch, plan.Data.BatchSize), TrainSubset = result.GetResult(subset) is { Implicit: false } ? result.GetValue(subset) : plan.Data.TrainSubset,
                Augment = result.GetValue(augment), Seed = Pick(seed, plan.Data.Seed),
            };
            var task = ProxyTask.Load(Pick(dataset, plan.Dataset), taskOptions, result.GetValue(cache));
            var proxy = ArchitectureViews.Proxy(architecture, new InputShape(task.Input.Channels, task.Input.Height, task.Input.Width), task.Classes);
            Console.WriteLine($"arch={architecture.Name}");
            Console.WriteLine($"proxy_input={proxy.Input} stem_stride={proxy.StemStride} train_images={task.TrainImages} validation_images={task.ValidationImages}");
            var report = Train(proxy, task, training);
            Print(report, training);
            return report.Status == ChildStatus.Succeeded ? 0 : 1;
        }));
        return command;
    }

    private static TrainingReport Train(Architecture proxy, ProxyTask task, TrainingOptions options)
    {
        TrainingReport? report = null;
        AnsiConsole.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .Start(context =>
            {
                var bars = Enumerable.Range(1, options.Epochs).Select(e => context.AddTask($"epoch {e}", autoStart: false, maxValue: task.TrainBatchesPerEpoch)).ToArray();
                var progress = new Callback(p =>
                {
                    var bar = bars[p.Epoch - 1];
                    bar.StartTask();
                    bar.Value = p.Step;
                    bar.Description = string.Create(CultureInfo.InvariantCulture, $"epoch {p.Epoch} loss {p.Loss:F3}");
                });
                report = ChildTrainer.Train(proxy, task, options, progress);
            });
        return report!;
    }

    private static void Print(TrainingReport report, TrainingOptions options)
    {
        foreach (var e in report.Epochs)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"epoch={e.Epoch} loss={e.TrainLoss:F4} train_acc={e.TrainAccuracy:F4} val_acc={e.ValidationAccuracy:F4} seconds={e.Elapsed.TotalSeconds:F1}"));
        }
        Console.WriteLine($"status={report.Status.ToString().ToLowerInvariant()}");
        if (report.FailureReason is { } reason)
        {
            Console.WriteLine($"reason={reason}");
        }
        Console.WriteLine($"threads={options.Threads}");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"wall_s={report.Wall.TotalSeconds:F1}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"train_img_per_s={report.ImagesPerSecond:F1}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"val_acc={report.ValidationTop1:F4}"));
    }

    private sealed class Callback(Action<TrainingProgress> report) : IProgress<TrainingProgress>
    {
        public void Report(TrainingProgress value) => report(value);
    }
}
