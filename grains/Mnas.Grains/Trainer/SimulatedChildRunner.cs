using Mnas.Grains.Contracts;

namespace Mnas.Grains.Trainer;

/// <summary>
/// A worker pipeline that trains and measures nothing: it waits <see cref="RuntimeOptions.SimulatedSeconds"/> (stopping
/// at once when cancelled) and answers with metrics that are a fixed function of the architecture, with a short synthetic
/// training curve. For exercising a deployment — placement, hand-backs, failover — without spending machines on training; never
/// for a search's results. A latency job waits a fifth of that time.
/// </summary>
public sealed class SimulatedChildRunner(RuntimeOptions options) : IChildRunner
{
    public async Task<ChildEvaluated> RunAsync(TrainChild request, CancellationToken cancellation)
    {
        await Task.Delay(options.SimulatedSeconds, cancellation);
        return Answer(request, options.SimulatedSeconds.TotalSeconds);
    }

    public async Task<double> MeasureLatencyAsync(TrainChild request, CancellationToken cancellation)
    {
        await Task.Delay(options.SimulatedSeconds / 5, cancellation);
        return Latency(request);
    }

    /// <summary>The simulated latency of <paramref name="request"/>'s architecture.</summary>
    public static double Latency(TrainChild request) => 5 + StableHash(request.ArchitectureJson) / 4000 % 3000 / 100.0;

    /// <summary>The simulated answer to <paramref name="request"/>: the same for the same architecture, different for others.</summary>
    public static ChildEvaluated Answer(TrainChild request, double trainSeconds)
    {
        var hash = StableHash(request.ArchitectureJson);
        var accuracy = 0.5 + hash % 4000 / 10000.0;
        // A training job answers with the latency measured for it elsewhere.
        var latency = request.LatencyMs ?? Latency(request);
        return new ChildEvaluated(request.CampaignId, request.Sequence, request.Attempt, true, null, accuracy, latency, 1000 + (long)(hash % 1000),
            100_000 + (long)(hash % 7), 4096, trainSeconds, Curve(accuracy));
    }

    /// <summary>Three synthetic epochs rising to <paramref name="accuracy"/> as the loss falls.</summary>
    private static TrainedEpoch[] Curve(double accuracy) =>
        [new(1, 2.0, accuracy * 0.6), new(2, 1.2, accuracy * 0.85), new(3, 0.8, accuracy)];

    private static uint StableHash(string text)
    {
        unchecked
        {
            var h = 2166136261;
            foreach (var c in text)
            {
                h = (h ^ c) * 16777619;
            }

            return h;
        }
    }
}
