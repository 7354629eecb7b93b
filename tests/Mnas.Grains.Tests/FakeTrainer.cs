using System.Collections.Concurrent;
using Mnas.Grains.Contracts;
using Mnas.Grains.Trainer;
using Mnas.Grains.Workers;

namespace Mnas.Grains.Tests;

/// <summary>
/// A stand-in trainer (no training runs in these tests): results are a pure function of the
/// architecture, so runs can be compared exactly. Failures can be scripted per sequence and attempt.
/// </summary>
internal sealed class FakeTrainer : IChildRunner
{
    private readonly ConcurrentQueue<TrainChild> requests = new();
    private readonly ConcurrentQueue<TrainChild> latencyRequests = new();
    private int received;

    public Func<TrainChild, bool> Fails { get; init; } = _ => false;

    public TimeSpan Delay { get; init; } = TimeSpan.Zero;

    public IReadOnlyCollection<TrainChild> Requests => requests;

    /// <summary>Awaited with each request and its number (1 for the first) before it is answered: lets a test hold children in training.</summary>
    public Func<TrainChild, int, CancellationToken, Task>? Received { get; init; }

    public async Task<ChildEvaluated> RunAsync(TrainChild request, CancellationToken cancellation)
    {
        requests.Enqueue(request);
        var number = Interlocked.Increment(ref received);
        if (Received != null)
        {
            await Received(request, number, cancellation);
        }
        if (Delay > TimeSpan.Zero)
        {
            await Task.Delay(Delay, cancellation);
        }
        if (Fails(request))
        {
            return new ChildEvaluated(request.CampaignId, request.Sequence, request.Attempt, false, "scripted failure", 0, 0, 0, 0, 0, 0);
        }
        return SimulatedChildRunner.Answer(request, trainSeconds: 0.01);
    }

    /// <summary>Supernet jobs, as they came.</summary>
    public IReadOnlyCollection<TrainChild> SupernetRequests => supernetRequests;

    private readonly ConcurrentQueue<TrainChild> supernetRequests = new();

    /// <summary>Epochs this trainer's supernets ran, in order.</summary>
    public IReadOnlyCollection<int> SupernetEpochs => supernetEpochs;

    private readonly ConcurrentQueue<int> supernetEpochs = new();

    /// <summary>Awaited before each supernet epoch is handed over (its number given): lets a test hold a supernet mid-training.</summary>
    public Func<int, CancellationToken, Task>? SupernetEpochStarting { get; init; }

    /// <summary>The simulated supernet (see <see cref="SimulatedChildRunner"/>), each epoch recorded and, when asked, held before it is handed over.</summary>
    public Task<SupernetTrained> TrainSupernetAsync(TrainChild request, Func<SupernetEpochReported, Task> onEpoch, CancellationToken cancellation)
    {
        supernetRequests.Enqueue(request);
        return new SimulatedChildRunner(new RuntimeOptions { SimulatedSeconds = TimeSpan.FromMilliseconds(1) }).TrainSupernetAsync(request, async epoch =>
        {
            if (SupernetEpochStarting != null)
            {
                await SupernetEpochStarting(epoch.Epoch, cancellation);
            }
            supernetEpochs.Enqueue(epoch.Epoch);
            await onEpoch(epoch);
        }, cancellation);
    }

    /// <summary>Latency jobs, as they came.</summary>
    public IReadOnlyCollection<TrainChild> LatencyRequests => latencyRequests;

    /// <summary>The latency this trainer's device measures, by request (the simulated one by default).</summary>
    public Func<TrainChild, double> Latency { get; init; } = SimulatedChildRunner.Latency;

    /// <summary>Latency table jobs, as they came.</summary>
    public IReadOnlyCollection<TrainChild> LatencyTableRequests => latencyTableRequests;

    private readonly ConcurrentQueue<TrainChild> latencyTableRequests = new();

    /// <summary>Which latency table jobs fail (with "scripted failure").</summary>
    public Func<TrainChild, bool> OperatorTimingFails { get; init; } = _ => false;

    /// <summary>Awaited with each latency table job and its number (1 for the first) before it is answered: lets a test hold one.</summary>
    public Func<TrainChild, int, CancellationToken, Task>? OperatorTimingStarting { get; init; }

    private int latencyTablesReceived;

    /// <summary>The simulated operator timings (see <see cref="SimulatedChildRunner.OperatorLatencies"/>): a fixed function of each operator.</summary>
    public async Task<Dictionary<string, double>> TimeOperatorsAsync(TrainChild request, CancellationToken cancellation)
    {
        latencyTableRequests.Enqueue(request);
        var number = Interlocked.Increment(ref latencyTablesReceived);
        if (OperatorTimingStarting != null)
        {
            await OperatorTimingStarting(request, number, cancellation);
        }
        return OperatorTimingFails(request) ? throw new InvalidOperationException("scripted failure") : SimulatedChildRunner.OperatorLatencies(request);
    }

    public async Task<double> MeasureLatencyAsync(TrainChild request, CancellationToken cancellation)
    {
        latencyRequests.Enqueue(request);
        if (Delay > TimeSpan.Zero)
        {
            await Task.Delay(Delay, cancellation);
        }
        return Latency(request);
    }
}
