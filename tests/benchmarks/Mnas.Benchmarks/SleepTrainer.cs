using System.Collections.Concurrent;
using System.Diagnostics;
using Mnas.Grains.Contracts;
using Mnas.Grains.Trainer;

namespace Mnas.Benchmarks;

/// <summary>A trainer that only sleeps a fixed time per child (the orchestrator is measured, not training), recording when each ran.</summary>
internal sealed class SleepTrainer(TimeSpan duration) : IChildRunner
{
    public ConcurrentBag<(long Sequence, long Start, long End)> Runs { get; } = [];

    public async Task<ChildEvaluated> RunAsync(TrainChild request, CancellationToken cancellation)
    {
        var start = Stopwatch.GetTimestamp();
        await Task.Delay(duration, cancellation);
        Runs.Add((request.Sequence, start, Stopwatch.GetTimestamp()));
        var accuracy = 0.5 + request.Sequence % 37 / 100.0;
        return new ChildEvaluated(request.CampaignId, request.Sequence, request.Attempt, true, null, accuracy, 20 + request.Sequence % 11, 1000, 1000,
            1000, duration.TotalSeconds);
    }

    public Task<double> MeasureLatencyAsync(TrainChild request, CancellationToken cancellation) => Task.FromResult(20.0 + request.Sequence % 11);
}
