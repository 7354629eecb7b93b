using Mnas.Grains.Contracts;

namespace Mnas.Grains.Coordinator;

/// <summary>Sends a train request to the trainers, whatever the transport.</summary>
public interface IChildDispatcher
{
    Task DispatchAsync(TrainChild request, CancellationToken cancellation);
}
