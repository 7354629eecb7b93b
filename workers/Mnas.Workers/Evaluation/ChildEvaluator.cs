using Mnas.Costs;
using Mnas.SearchSpace.Architectures;
using Mnas.SearchSpace.Views;
using Mnas.Torch;
using Mnas.Workers.Latency;
using Mnas.Workers.Networks.Child;
using Mnas.Workers.Supernet;
using Mnas.Workers.Training;

namespace Mnas.Workers.Evaluation;

/// <summary>
/// The worker pipeline for one child: train its proxy view on the proxy task, measure its target
/// view's latency on this machine (unless it is measured elsewhere), count its costs, and keep the trained weights.
/// </summary>
public sealed class ChildEvaluator(ProxyTask task, TrainingOptions training, LatencyOptions latency)
{
    /// <param name="resolution">
    /// An input sub-sampling factor (a child a resolution search drew below the full input): the proxy view then trains and
    /// is scored on every <paramref name="resolution"/>-th pixel of the task's images, as the supernet saw them.
    /// </param>
    public ChildEvaluation Evaluate(Architecture target, string? weightsPath = null, CancellationToken cancellation = default, bool measureLatency = true,
        int resolution = 1)
    {
        var proxy = ProxyView(target, resolution);
        ITrainingData data = resolution == 1 ? task : new DownsampledData(task, resolution);
        var costs = CostAnalysis.Analyze(target);
        ChildNetwork? trained = null;
        try
        {
            var report = ChildTrainer.Train(proxy, data, training, keep: model => trained = model, cancellation: cancellation);
            if (report.Status != ChildStatus.Succeeded)
            {
                return new ChildEvaluation(report, null, costs, null);
            }
            if (weightsPath != null)
            {
                trained!.save(weightsPath);
            }
            return new ChildEvaluation(report, measureLatency ? LatencyMeter.Measure(target, latency) : null, costs, weightsPath);
        }
        finally
        {
            trained?.Dispose();
        }
    }

    /// <summary>The network trained for <paramref name="target"/>: at the task's input (sub-sampled by <paramref name="resolution"/>) and classes.</summary>
    public Architecture ProxyView(Architecture target, int resolution = 1) => ArchitectureViews.Proxy(target,
        new InputShape(task.Input.Channels, (int)ResolutionMasking.Kept(task.Input.Height, resolution), (int)ResolutionMasking.Kept(task.Input.Width, resolution)),
        task.Classes);
}
