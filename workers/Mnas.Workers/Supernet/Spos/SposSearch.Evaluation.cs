using Mnas.Torch;
using Mnas.Torch.Modules;
using Mnas.Workers.Training;

namespace Mnas.Workers.Supernet;

/// <summary>SPOS's evaluation of one subnet with the weights it inherits from the supernet.</summary>
public sealed partial class SposSearch
{
    /// <summary>
    /// The top-1 accuracy on <paramref name="data"/>'s validation batches of the subnet that picks <paramref name="choice"/>[p]
    /// at each position p, with the supernet's weights: first the batch-norm running statistics along that path are
    /// recomputed as their plain average over the first <paramref name="recalibrationBatches"/> training batches (of the
    /// first epoch's order; train mode, no gradients), since the supernet's own were gathered over every path; then the
    /// path runs in eval mode. The supernet's running statistics and mode are put back afterwards, so evaluating leaves the
    /// search as it was.
    /// </summary>
    public double ValidationAccuracy(IReadOnlyList<int> choice, ITrainingData data, int recalibrationBatches = 20)
    {
        ArgumentNullException.ThrowIfNull(choice);
        ArgumentNullException.ThrowIfNull(data);
        ArgumentOutOfRangeException.ThrowIfLessThan(recalibrationBatches, 1);
        if (choice.Count != Space.Positions.Count)
        {
            throw new ArgumentException($"choice: one candidate per position ({Space.Positions.Count}), not {choice.Count}", nameof(choice));
        }
        var wasTraining = Network.training;
        var norms = Network.modules().OfType<BatchNorm2d>().ToList();
        var saved = norms.Select(RunningStatistics.Of).ToList();
        try
        {
            using var evaluation = torch.NewDisposeScope();
            var path = Path(choice);
            using var _ = torch.no_grad();
            foreach (var norm in norms)
            {
                norm.reset_running_stats();
                norm.Momentum = null;
            }
            Network.train();
            foreach (var (x, y) in data.TrainBatches(1).Take(recalibrationBatches))
            {
                using var images = x;
                using var labels = y;
                using var scope = torch.NewDisposeScope();
                Network.forward(images.to(recipe.Device).to(torch.channels_last), path);
            }
            Network.eval();
            long correct = 0, seen = 0;
            foreach (var (x, y) in data.ValidationBatches())
            {
                using var images = x;
                using var labels = y;
                using var scope = torch.NewDisposeScope();
                correct += Network.forward(images.to(recipe.Device).to(torch.channels_last), path).argmax(1).eq(labels.to(recipe.Device)).sum().item<long>();
                seen += labels.shape[0];
            }
            return seen == 0 ? double.NaN : (double)correct / seen;
        }
        finally
        {
            for (var i = 0; i < norms.Count; i++)
            {
                saved[i].Restore(norms[i]);
            }
            Network.train(wasTraining);
        }
    }

    /// <summary>A copy of one batch norm's running statistics and momentum, to put back.</summary>
    private sealed record RunningStatistics(Tensor? Mean, Tensor? Variance, Tensor? BatchesTracked, double? Momentum)
    {
        public static RunningStatistics Of(BatchNorm2d norm) =>
            new(norm.running_mean?.clone().DetachFromDisposeScope(), norm.running_var?.clone().DetachFromDisposeScope(),
                norm.num_batches_tracked?.clone().DetachFromDisposeScope(), norm.Momentum);

        public void Restore(BatchNorm2d norm)
        {
            using (torch.no_grad())
            {
                Copy(Mean, norm.running_mean);
                Copy(Variance, norm.running_var);
                Copy(BatchesTracked, norm.num_batches_tracked);
            }
            norm.Momentum = Momentum;
        }

        private static void Copy(Tensor? source, Tensor? target)
        {
            if (source is not null)
            {
                target!.copy_(source);
                source.Dispose();
            }
        }
    }
}
