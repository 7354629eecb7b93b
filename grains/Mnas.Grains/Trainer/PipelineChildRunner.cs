using System.Collections.Concurrent;
using Mnas.Grains.Contracts;
using Mnas.SearchSpace.Architectures;
using Mnas.SearchSpace.Spec;
using Mnas.Workers.Evaluation;
using Mnas.Workers.Latency;
using Mnas.Workers.Supernet;
using Mnas.Workers.Training;

namespace Mnas.Grains.Trainer;

/// <summary>
/// The real worker pipeline: train the child's proxy view on the campaign's proxy task, measure
/// its target view (unless a worker of the campaign's device class measured it), count its costs,
/// and keep its weights under the data directory.
/// </summary>
public sealed class PipelineChildRunner(RuntimeOptions options) : IChildRunner
{
    // A campaign's proxy task (its dataset split and normalisation) is prepared once per process.
    // Prepared data by what it is made of (data set, split, subset, batch size, device), not by the whole spec: children
    // whose recipes differ only in how they train (an fbnetv3 campaign's) share one copy.
    private readonly ConcurrentDictionary<(string Dataset, ProxyTaskOptions Data), Lazy<ProxyTask>> tasks = new();
    private readonly ConcurrentDictionary<(string Dataset, ProxyTaskOptions Data), Lazy<(ProxyTask Weights, ProxyTask Architecture)>> supernetTasks = new();

    private ProxyTask PreparedData(ProxyTrainingPlan plan) => tasks.GetOrAdd((plan.Dataset, plan.Data with { Device = options.Device }),
        key => new Lazy<ProxyTask>(() => ProxyTask.Load(key.Dataset, key.Data, options.DatasetCache))).Value;

    // Training is CPU-bound for minutes: each runs on a thread of its own.
    public Task<ChildEvaluated> RunAsync(TrainChild request, CancellationToken cancellation) => Task.Factory.StartNew(() =>
    {
        try
        {
            var spec = CampaignSpecLoader.FromJson(request.SpecJson);
            var plan = ProxyTrainingPlan.FromSpec(spec.Proxy);
            var task = PreparedData(plan);
            var target = ArchitectureFile.FromJson(request.ArchitectureJson);
            var evaluator = new ChildEvaluator(task, plan.Training with { Threads = options.ThreadsPerWorker, Device = options.Device }, LatencyOptions);
            var weights = CampaignPaths.Weights(options.DataDirectory, request.CampaignId, request.Sequence);
            Directory.CreateDirectory(Path.GetDirectoryName(weights)!);
            var measured = request.Job == ChildJob.Train ? request.LatencyMs : null;
            var result = evaluator.Evaluate(target, weights, cancellation, measureLatency: measured == null, resolution: request.Resolution);
            var t = result.Training;
            if (t.Status != global::Mnas.Workers.Training.ChildStatus.Succeeded || (result.Latency == null && measured == null))
            {
                return Failed(request, t.FailureReason ?? t.Status.ToString().ToLowerInvariant());
            }
            ArchitectureFile.Save(evaluator.ProxyView(target, request.Resolution), CampaignPaths.WeightsArchitecture(options.DataDirectory, request.CampaignId, request.Sequence));
            return new ChildEvaluated(request.CampaignId, request.Sequence, request.Attempt, true, null, t.ValidationTop1,
                measured ?? result.Latency!.MedianMs, result.Costs.Params, result.Costs.Macs, result.Costs.PeakActivationBytes, t.Wall.TotalSeconds,
                t.Epochs.Select(e => new TrainedEpoch(e.Epoch, e.TrainLoss, e.ValidationAccuracy)).ToArray());
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return Failed(request, $"{e.GetType().Name}: {e.Message}");
        }
    }, cancellation, TaskCreationOptions.LongRunning, TaskScheduler.Default);

    // Like training, a supernet's search runs on a thread of its own; its data split is prepared once per campaign and process.
    public Task<SupernetTrained> TrainSupernetAsync(TrainChild request, Func<SupernetEpochReported, Task> onEpoch, CancellationToken cancellation) =>
        Task.Factory.StartNew(() =>
        {
            var spec = CampaignSpecLoader.FromJson(request.SpecJson);
            var plan = ProxyTrainingPlan.FromSpec(spec.Proxy);
            var job = SupernetRequests.For(spec, request.Strategy ?? "fbnet", request.SupernetState);
            var table = new LatencyTable($"{options.Device} {request.WorkerId}", options.LatencyThreads);
            var recipe = plan.Training with { Threads = options.ThreadsPerWorker, Device = options.Device };
            if (job.Spos != null)
            {
                // A single-path supernet trains on the whole training split, as a child does: no architecture steps to hold data back for.
                var task = PreparedData(plan);
                var trained = BnNasJob.Run(job, task, new InputShape(task.Input.Channels, task.Input.Height, task.Input.Width), task.Classes, table,
                    LatencyOptions, recipe, (epoch, state) => onEpoch(SupernetRequests.Epoch(request, epoch, state)).GetAwaiter().GetResult(), cancellation);
                return new SupernetTrained(request.CampaignId, request.Attempt, request.WorkerId, true, null, SupernetRequests.Posterior(job, trained).ToJson());
            }
            var (weights, architecture) = supernetTasks.GetOrAdd((plan.Dataset, plan.Data with { Device = options.Device }), key => new Lazy<(ProxyTask, ProxyTask)>(() =>
                ProxyTask.LoadForSupernet(key.Dataset, key.Data, options.DatasetCache))).Value;
            var outcome = SupernetJob.Run(job, weights, architecture, new InputShape(weights.Input.Channels, weights.Input.Height, weights.Input.Width),
                weights.Classes, table, LatencyOptions, recipe,
                (epoch, state) => onEpoch(SupernetRequests.Epoch(request, epoch, state)).GetAwaiter().GetResult(), cancellation);
            return new SupernetTrained(request.CampaignId, request.Attempt, request.WorkerId, true, null,
                SupernetRequests.Posterior(job, outcome).ToJson());
        }, cancellation, TaskCreationOptions.LongRunning, TaskScheduler.Default);

    public Task<double> MeasureLatencyAsync(TrainChild request, CancellationToken cancellation) => Task.Run(() =>
    {
        cancellation.ThrowIfCancellationRequested();
        return LatencyMeter.Measure(ArchitectureFile.FromJson(request.ArchitectureJson), LatencyOptions).MedianMs;
    }, cancellation);

    /// <summary>Times only the operators the job names, each alone, with this worker's latency settings; on a thread of its own, as training.</summary>
    public Task<Dictionary<string, double>> TimeOperatorsAsync(TrainChild request, CancellationToken cancellation) => Task.Factory.StartNew(() =>
    {
        var (architectures, keys) = LatencyTableRequests.Read(request);
        return LatencyLookup.Measure(architectures, keys, LatencyOptions, cancellation);
    }, cancellation, TaskCreationOptions.LongRunning, TaskScheduler.Default);

    private LatencyOptions LatencyOptions => new()
    {
        Threads = options.LatencyThreads, Runs = options.LatencyRuns, Warmup = options.LatencyWarmup, Device = options.Device,
    };

    private static ChildEvaluated Failed(TrainChild request, string reason) =>
        new(request.CampaignId, request.Sequence, request.Attempt, false, reason, 0, 0, 0, 0, 0, 0);
}
