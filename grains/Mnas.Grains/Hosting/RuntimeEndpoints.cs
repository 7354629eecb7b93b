using MassTransit;
using Mnas.Grains.Coordinator;
using Mnas.Grains.Trainer;

namespace Mnas.Grains.Hosting;

/// <summary>
/// The runtime's receive endpoints, the same on every transport: this process's worker queue (when it runs a worker)
/// and the coordinator's queue (when it coordinates).
/// </summary>
internal static class RuntimeEndpoints
{
    public static void Configure(IBusRegistrationContext context, IBusFactoryConfigurator cfg, RuntimeOptions options, WorkerIdentity identity)
    {
        if (options.Workers > 0)
        {
            cfg.ReceiveEndpoint(options.QueueName(WorkerIdentity.QueueName(identity.WorkerId)), e =>
            {
                // A worker's queue outlives it only for a while: worker ids are never reused.
                if (e is IRabbitMqReceiveEndpointConfigurator rabbitMq)
                {
                    rabbitMq.QueueExpiration = TimeSpan.FromSeconds(options.RabbitMq.WorkerQueueExpirySeconds);
                }
                e.ConfigureConsumer<AssignedChildConsumer>(context);
            });
        }
        if (options.Coordinates)
        {
            cfg.ReceiveEndpoint(options.QueueName(RuntimeServiceCollectionExtensions.CoordinatorQueue), e =>
            {
                e.ConfigureConsumer<ChildEvaluatedConsumer>(context);
                e.ConfigureConsumer<WorkerHeartbeatConsumer>(context);
            });
        }
    }
}
