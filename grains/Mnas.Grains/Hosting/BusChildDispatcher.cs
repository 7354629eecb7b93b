using MassTransit;
using Mnas.Grains.Contracts;
using Mnas.Grains.Coordinator;

namespace Mnas.Grains.Hosting;

/// <summary>Sends train requests over the message bus (in-memory or RabbitMQ alike).</summary>
public sealed class BusChildDispatcher(IBus bus) : IChildDispatcher
{
    public Task DispatchAsync(TrainChild request, CancellationToken cancellation) => bus.Publish(request, cancellation);
}
