using MassTransit;
using Mnas.Grains.Contracts;

namespace Mnas.Grains.Coordinator;

/// <summary>Feeds workers' heartbeats to the dispatcher: the pool learns of the worker, and its children's leases are renewed.</summary>
public sealed class WorkerHeartbeatConsumer(LeasingChildDispatcher dispatcher) : IConsumer<WorkerHeartbeat>
{
    public Task Consume(ConsumeContext<WorkerHeartbeat> context) => dispatcher.OnHeartbeatAsync(context.Message, context.CancellationToken);
}
