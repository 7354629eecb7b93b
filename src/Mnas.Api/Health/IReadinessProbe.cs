namespace Mnas.Api.Health;

/// <summary>Something the API needs to be reachable before it is ready to serve (the store, the broker).</summary>
public interface IReadinessProbe
{
    /// <summary>What is probed, as <c>/readyz</c> names it when unreachable (<c>store</c>, <c>broker</c>).</summary>
    string Name { get; }

    /// <summary>Null when reachable; otherwise why not. Gives up when <paramref name="cancellation"/> is cancelled.</summary>
    Task<string?> FindProblemAsync(CancellationToken cancellation);
}
