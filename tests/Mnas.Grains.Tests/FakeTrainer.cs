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

    /// <summary>Latency jobs, as they came.</summary>
    public IReadOnlyCollection<TrainChild> LatencyRequests => latencyRequests;

    /// <summary>The latency this trainer's device measures, by request (the simulated one by default).</summary>
    public Func<TrainChild, double> Latency { get; init; } = SimulatedChildRunner.Latency;

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
