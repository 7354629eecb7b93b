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
    /// the in-memory bus for the embedded mode, or a RabbitMQ broker (<see cref="RuntimeOptions.RabbitMq"/>) for a cluster.
    /// </summary>
    public static IServiceCollection AddMnasRuntime(this IServiceCollection services, RuntimeOptions options,
        Func<IServiceProvider, IChildRunner>? runner = null)
    {
        options.ThrowIfInvalid();
        var identity = WorkerIdentity.ForThisProcess(options.DeviceClass, options.Device, options.ThreadsPerWorker);
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
        else if (options.Trainer == RuntimeOptions.SimulatedTrainer)
        {
            services.AddSingleton<IChildRunner, SimulatedChildRunner>();
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
            // The transport is the only thing that differs: both run the same endpoints (RuntimeEndpoints).
            switch (options.Transport)
            {
                case RuntimeTransports.InMemory:
                    bus.UsingInMemory((context, cfg) => RuntimeEndpoints.Configure(context, cfg, options, identity));
                    break;
                case RuntimeTransports.RabbitMq:
                    bus.UsingMnasRabbitMq(options, identity);
                    break;
            }
        });
        return services;
    }
}
