using System.Diagnostics;
using Mnas.SearchSpace.Architectures;
using Mnas.Torch;
using Mnas.Torch.Modules;
using Mnas.Workers.Devices;
using Mnas.Workers.Networks.Child;

namespace Mnas.Workers.Training;

/// <summary>
/// Trains one child for a few epochs on the proxy task and scores it on held-out validation
/// images, with the recipe its options give (optimiser, dropout, stochastic depth, mixup, a moving
/// average of the weights). Deterministic for a seed: the weights, dropout, stochastic depth and
/// mixup's permutations come from torch's seeded generator, mixup's λ from one seeded alike, and
/// the batches from the data's seeded order.
/// </summary>
public static class ChildTrainer
{
    /// <param name="keep">
    /// When given, receives the trained network, which the caller then owns and disposes. With a moving average of the
    /// weights (<see cref="TrainingOptions.EmaDecay"/>) it holds the average once training succeeds.
    /// </param>
    public static TrainingReport Train(Architecture proxyView, ITrainingData data, TrainingOptions options,
        IProgress<TrainingProgress>? progress = null, CancellationToken cancellation = default, Action<ChildNetwork>? keep = null)
    {
        options.ThrowIfInvalid();
        torch.set_num_threads(options.Threads);
        torch.manual_seed(options.Seed);
        var model = new ChildNetwork(proxyView, options.Dropout, options.StochasticDepth);
        if (keep != null)
        {
            keep(model);
        }
        using var owned = keep == null ? model : null;
        model.to(options.Device);
        model.to(torch.channels_last);
        using var optimizer = ChildOptimizer.Create(model.parameters(), options);
        var schedule = torch.optim.lr_scheduler.CosineAnnealingLR(optimizer, (long)options.Epochs * Math.Max(1, data.TrainBatchesPerEpoch));

        var mixup = options.MixupAlpha > 0 ? new Mixup(options.MixupAlpha, options.Seed) : null;
        using var average = options.EmaDecay > 0 ? new WeightAverage(model, options.EmaDecay) : null;

        var epochs = new List<EpochReport>();
        var clock = Stopwatch.StartNew();
        var trainingClock = new Stopwatch();
        long images = 0;
        // Throughput counts training steps only, not data loading or validation.
        TrainingReport Stop(ChildStatus status, string? reason, double top1) =>
            new(status, reason, top1, epochs, clock.Elapsed, images / Math.Max(trainingClock.Elapsed.TotalSeconds, 1e-9));

        for (var epoch = 1; epoch <= options.Epochs; epoch++)
        {
            var epochClock = Stopwatch.StartNew();
            model.train();
            double lossSum = 0;
            long correct = 0, seen = 0;
            var step = 0;
            foreach (var (x, y) in data.TrainBatches(epoch))
            {
                using var batchImages = x;
                using var batchLabels = y;
                if (cancellation.IsCancellationRequested)
                {
                    return Stop(ChildStatus.Cancelled, "cancelled", double.NaN);
                }
                trainingClock.Start();
                using var scope = torch.NewDisposeScope();
                // Batches made elsewhere (on the CPU, say) follow the network; on its device this is no copy.
                var input = batchImages.to(options.Device).to(torch.channels_last);
                var labels = batchLabels.to(options.Device);
                optimizer.zero_grad();
                Tensor logits, loss;
                if (mixup == null)
                {
                    logits = model.forward(input);
                    loss = torch.nn.functional.cross_entropy(logits, labels, label_smoothing: options.LabelSmoothing);
                }
                else
                {
                    var mixed = mixup.Mix(input, labels);
                    logits = model.forward(mixed.Images);
                    loss = mixed.Loss(logits, options.LabelSmoothing);
                }
                var value = loss.item<float>();
                if (!float.IsFinite(value) || value > options.DivergenceLoss)
                {
                    trainingClock.Stop();
                    return Stop(ChildStatus.Failed, $"training loss diverged to {value} at epoch {epoch}, step {step + 1}", double.NaN);
                }
                loss.backward();
                optimizer.step();
                average?.Update();
                schedule.step();

                var batch = labels.shape[0];
                // Counted against the batch's own labels, mixed or not.
                using (torch.no_grad())
                {
                    correct += logits.argmax(1).eq(labels).sum().item<long>();
                }
                trainingClock.Stop();
                lossSum += value * batch;
                seen += batch;
                images += batch;
                step++;
                progress?.Report(new TrainingProgress(epoch, step, data.TrainBatchesPerEpoch, value));
            }
            double validation;
            using (average?.SwapIn())
            {
                validation = Evaluate(model, data, options.Device);
            }
            epochs.Add(new EpochReport(epoch, lossSum / Math.Max(seen, 1), (double)correct / Math.Max(seen, 1), validation, epochClock.Elapsed));
        }
        average?.CopyTo();
        return Stop(ChildStatus.Succeeded, null, epochs[^1].ValidationAccuracy);
    }

    /// <summary>Top-1 accuracy over every validation batch, in eval mode, with the model on <paramref name="device"/>.</summary>
    public static double Evaluate(Module<Tensor, Tensor> model, ITrainingData data, string device = TorchDevice.Cpu)
    {
        model.eval();
        long correct = 0, seen = 0;
        using var noGrad = torch.no_grad();
        foreach (var (x, y) in data.ValidationBatches())
        {
            using var images = x;
            using var labels = y;
            using var scope = torch.NewDisposeScope();
            correct += model.forward(images.to(device).to(torch.channels_last)).argmax(1).eq(labels.to(device)).sum().item<long>();
            seen += labels.shape[0];
        }
        return seen == 0 ? double.NaN : (double)correct / seen;
    }
}
