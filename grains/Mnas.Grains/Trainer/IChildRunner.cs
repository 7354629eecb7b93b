using Mnas.Grains.Contracts;

namespace Mnas.Grains.Trainer;

/// <summary>What a worker does with its jobs: the real worker pipeline, or a stand-in where training cannot run.</summary>
public interface IChildRunner
{
    /// <summary>An <see cref="ChildJob.Evaluate"/> or <see cref="ChildJob.Train"/> job (the latter answers with the latency it carries).</summary>
    Task<ChildEvaluated> RunAsync(TrainChild request, CancellationToken cancellation);

    /// <summary>A <see cref="ChildJob.Latency"/> job: the target view's median latency in milliseconds on this worker's device.</summary>
    Task<double> MeasureLatencyAsync(TrainChild request, CancellationToken cancellation);

    /// <summary>
    /// A <see cref="ChildJob.LatencyTable"/> job: each operator of <see cref="TrainChild.OperatorKeys"/>, found in
    /// <see cref="TrainChild.Architectures"/>, timed alone on this worker's device (key → median milliseconds).
    /// </summary>
    /// <remarks>A runner that cannot time operators throws, naming itself; the worker answers with the failure.</remarks>
    Task<Dictionary<string, double>> TimeOperatorsAsync(TrainChild request, CancellationToken cancellation) =>
        Task.FromException<Dictionary<string, double>>(new NotSupportedException($"this worker's runner ({GetType().Name}) does not time operators"));

    /// <summary>
    /// A <see cref="ChildJob.Supernet"/> job: the campaign's supernet trained from the state the request carries, every
    /// epoch handed to <paramref name="onEpoch"/> (awaited before the next epoch starts, so a recorded epoch is never run again).
    /// </summary>
    /// <remarks>A runner that cannot train supernets answers with a failure naming itself.</remarks>
    Task<SupernetTrained> TrainSupernetAsync(TrainChild request, Func<SupernetEpochReported, Task> onEpoch, CancellationToken cancellation) =>
        Task.FromResult(new SupernetTrained(request.CampaignId, request.Attempt, request.WorkerId, false,
            $"this worker's runner ({GetType().Name}) does not train supernets", null));
}
