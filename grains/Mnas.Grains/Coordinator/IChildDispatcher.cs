using Mnas.Grains.Contracts;

namespace Mnas.Grains.Coordinator;

/// <summary>Hands train requests to the workers, whatever the transport.</summary>
public interface IChildDispatcher
{
    Task DispatchAsync(TrainChild request, CancellationToken cancellation);

    /// <summary>
    /// Takes over a child a worker still runs (reported by its heartbeats) for this attempt, as a coordinator taking over
    /// from another does: true when it does, and the child's answer is then awaited instead of sending it out again.
    /// </summary>
    bool TryAdopt(string campaignId, long sequence, int attempt);
}
