namespace Mnas.Api.Health;

/// <summary>The process's own message bus is ready when it says so: started, and on the broker connected with its endpoints up.</summary>
public sealed class BusReadinessProbe(Func<string?> findProblem) : IReadinessProbe
{
    public string Name => "bus";

    public Task<string?> FindProblemAsync(CancellationToken cancellation) => Task.FromResult(findProblem());
}
