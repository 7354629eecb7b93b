using Mnas.Grains.Contracts;

namespace Mnas.Api.Health;

/// <summary>
/// The Orleans cluster answers: the directory of workers (on a controller silo) takes a census within the probe's time.
/// A worker or API process is ready once it reaches a controller; a controller once its own silo hosts or reaches the directory.
/// </summary>
public sealed class ClusterReadinessProbe(IGrainFactory grains) : IReadinessProbe
{
    public string Name => "cluster";

    public async Task<string?> FindProblemAsync(CancellationToken cancellation)
    {
        try
        {
            await grains.GetGrain<IWorkerDirectoryGrain>(0).Census(null).WaitAsync(ApiOptions.ProbeTimeout, cancellation);
            return null;
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellation.IsCancellationRequested)
        {
            return e is TimeoutException ? $"no controller silo answered within {ApiOptions.ProbeTimeout.TotalSeconds:0} s" : $"{e.GetType().Name}: {e.Message}";
        }
    }
}
