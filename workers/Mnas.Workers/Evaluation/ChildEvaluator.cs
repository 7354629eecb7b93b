using Mnas.Costs;
using Mnas.SearchSpace.Architectures;
using Mnas.SearchSpace.Views;
using Mnas.Torch;
using Mnas.Workers.Latency;
using Mnas.Workers.Networks.Child;
using Mnas.Workers.Training;

namespace Mnas.Workers.Evaluation;

/// <summary>
/// The worker pipeline for one child: train its proxy view on the proxy task, measure its target
/// view's latency on this machine (unless it is measured elsewhere), count its costs, and keep the trained weights.
/// </summary>
public sealed class ChildEvaluator(ProxyTask task, TrainingOptions training, LatencyOptions latency)
{
    public ChildEvaluation Evaluate(Architecture target, string? weightsPath = null, CancellationToken cancellation = default, bool measureLatency = true)
    {
        var proxy = ArchitectureViews.Proxy(target, new InputShape(task.Input.Channels, task.Input.Height, task.Input.Width), task.Classes);
        var costs = CostAnalysis.Analyze(target);
        ChildNetwork? trained = null;
        try
        {
            var report = ChildTrainer.Train(proxy, task, training, keep: model => trained = model, cancellation: cancellation);
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
}
