namespace Mnas.Api.Health;

/// <summary>Asks every probe at once, each for at most <see cref="ApiOptions.ProbeTimeout"/>; returns what is unreachable and why.</summary>
public sealed class Readiness(IEnumerable<IReadinessProbe> probes)
{
    public IReadOnlyList<string> Probed { get; } = probes.Select(p => p.Name).ToList();

    /// <summary>The unreachable dependencies by name, with the reason; empty when all are reachable.</summary>
    public async Task<IReadOnlyDictionary<string, string>> FindUnreachableAsync(CancellationToken cancellation)
    {
        var answers = await Task.WhenAll(probes.Select(async probe => (probe.Name, Problem: await AskAsync(probe, cancellation))));
        return answers.Where(a => a.Problem != null).ToDictionary(a => a.Name, a => a.Problem!, StringComparer.Ordinal);
    }

    private static async Task<string?> AskAsync(IReadinessProbe probe, CancellationToken cancellation)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        timeout.CancelAfter(ApiOptions.ProbeTimeout);
        try
        {
            return await probe.FindProblemAsync(timeout.Token);
        }
        catch (OperationCanceledException) when (!cancellation.IsCancellationRequested)
        {
            return $"no answer within {ApiOptions.ProbeTimeout.TotalSeconds:0} s";
        }
    }
}
