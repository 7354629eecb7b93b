using Mnas.Grains.Contracts;
using Mnas.Grains.Trainer;

namespace Mnas.Dashboard.Tests;

/// <summary>
/// A stand-in trainer (no training runs here): the first <c>free</c> children finish at once with the simulated metrics
/// (a pure function of the architecture); every later one waits until the test lets exactly one more through.
/// </summary>
internal sealed class GatedTrainer(int free) : IChildRunner
{
    private readonly SemaphoreSlim gate = new(0);
    private int started;

    /// <summary>Lets one held child finish.</summary>
    public void ReleaseOne() => gate.Release();

    public async Task<ChildEvaluated> RunAsync(TrainChild request, CancellationToken cancellation)
    {
        if (Interlocked.Increment(ref started) > free)
        {
            await gate.WaitAsync(cancellation);
        }
        return SimulatedChildRunner.Answer(request, trainSeconds: 0.01);
    }

    public Task<double> MeasureLatencyAsync(TrainChild request, CancellationToken cancellation) =>
        Task.FromResult(SimulatedChildRunner.Latency(request));
}
