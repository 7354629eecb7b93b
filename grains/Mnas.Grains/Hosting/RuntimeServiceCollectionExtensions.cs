using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Mnas.Grains.Coordinator;
using Mnas.Grains.Trainer;

namespace Mnas.Grains.Hosting;

public static class RuntimeServiceCollectionExtensions
{
    /// <summary>The coordinator's queue: workers' answers and heartbeats.</summary>
    public const string CoordinatorQueue = "mnas-coordinator";

    /// <summary>
    /// The campaign runtime: the coordinator (worker pool, leasing dispatcher, campaign engines) and a worker of
    /// <see cref="RuntimeOptions.Workers"/> slots over the message bus. The coordinator hands each child to a worker's
    /// own queue; workers report by heartbeat. The transport is a setting (<see cref="RuntimeOptions.Transport"/>):
    /// the in-memory bus for the embedded mode.
    /// </summary>
    public static IServiceCollection AddMnasRuntime(this IServiceCollection services, RuntimeOptions options,
        Func<IServiceProvider, IChildRunner>? runner = null)
    {
        options.ThrowIfInvalid();
        var identity = WorkerIdentity.ForThisProcess(options.DeviceClass, options.ThreadsPerWorker);
        services.AddSingleton(options);
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<CampaignRegistry>();
        services.AddSingleton<WorkerPool>();
        services.AddSingleton<LeasingChildDispatcher>();
        services.AddSingleton<IChildDispatcher>(sp => sp.GetRequiredService<LeasingChildDispatcher>());
        if (runner != null)
        {
            services.AddSingleton(runner);
        }
        else
        {
            services.AddSingleton<IChildRunner, PipelineChildRunner>();
        }
        services.AddSingleton(sp => new WorkerAgent(identity, options.Workers, sp.GetRequiredService<IChildRunner>(), sp.GetRequiredService<IBus>(),
            options, sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILoggerFactory>().CreateLogger<WorkerAgent>()));
        services.AddMassTransit(bus =>
        {
            bus.AddConsumer<AssignedChildConsumer>();
            bus.AddConsumer<ChildEvaluatedConsumer>();
            bus.AddConsumer<WorkerHeartbeatConsumer>();
            switch (options.Transport)
            {
                case "in-memory":
                    bus.UsingInMemory((context, cfg) =>
                    {
                        cfg.ReceiveEndpoint(WorkerIdentity.QueueName(identity.WorkerId), e => e.ConfigureConsumer<AssignedChildConsumer>(context));
                        cfg.ReceiveEndpoint(CoordinatorQueue, e =>
                        {
                            e.ConfigureConsumer<ChildEvaluatedConsumer>(context);
                            e.ConfigureConsumer<WorkerHeartbeatConsumer>(context);
                        });
                    });
                    break;
                default:
                    throw new NotSupportedException($"transport: '{options.Transport}' is not available in this build (in-memory only)");
            }
        });
        return services;
    }
}
