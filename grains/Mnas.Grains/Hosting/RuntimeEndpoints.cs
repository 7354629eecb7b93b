using MassTransit;
using Mnas.Grains.Coordinator;
using Mnas.Grains.Trainer;

namespace Mnas.Grains.Hosting;

/// <summary>The runtime's receive endpoints, the same on every transport: this process's worker queue and the coordinator's queue.</summary>
internal static class RuntimeEndpoints
{
    public static void Configure(IBusRegistrationContext context, IBusFactoryConfigurator cfg, RuntimeOptions options, WorkerIdentity identity)
    {
        cfg.ReceiveEndpoint(options.QueueName(WorkerIdentity.QueueName(identity.WorkerId)), e => e.ConfigureConsumer<AssignedChildConsumer>(context));
        cfg.ReceiveEndpoint(options.QueueName(RuntimeServiceCollectionExtensions.CoordinatorQueue), e =>
        {
            e.ConfigureConsumer<ChildEvaluatedConsumer>(context);
            e.ConfigureConsumer<WorkerHeartbeatConsumer>(context);
        });
    }
}
