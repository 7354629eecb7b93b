using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Mnas.Grains.Coordinator;
using Mnas.Grains.Trainer;

namespace Mnas.Grains.Hosting;

public static class RuntimeServiceCollectionExtensions
{
    /// <summary>
    /// The campaign runtime: coordinator and trainer actors over the message bus. The transport is
    /// a setting (<see cref="RuntimeOptions.Transport"/>): the in-memory bus for the embedded mode.
    /// </summary>
    public static IServiceCollection AddMnasRuntime(this IServiceCollection services, RuntimeOptions options,
        Func<IServiceProvider, IChildRunner>? runner = null)
    {
        options.ThrowIfInvalid();
        services.AddSingleton(options);
        services.AddSingleton<CampaignRegistry>();
        services.AddSingleton<IChildDispatcher, BusChildDispatcher>();
        if (runner != null)
        {
            services.AddSingleton(runner);
        }
        else
        {
            services.AddSingleton<IChildRunner, PipelineChildRunner>();
        }
        services.AddMassTransit(bus =>
        {
            bus.AddConsumer<TrainChildConsumer>().Endpoint(e =>
            {
                e.ConcurrentMessageLimit = options.Workers;
                e.PrefetchCount = options.Workers;
            });
            bus.AddConsumer<ChildEvaluatedConsumer>();
            switch (options.Transport)
            {
                case "in-memory":
                    bus.UsingInMemory((context, cfg) => cfg.ConfigureEndpoints(context));
                    break;
                default:
                    throw new NotSupportedException($"transport: '{options.Transport}' is not available in this build (in-memory only)");
            }
        });
        return services;
    }
}
