using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Mnas.Grains.Coordinator;
using Mnas.Grains.Trainer;
using Mnas.Store;
using Mnas.Store.Sqlite;
using Microsoft.Extensions.Logging;
using Serilog;

namespace Mnas.Grains.Hosting;

/// <summary>The embedded runtime in one process: the store under the data directory, the bus, the coordinator and the trainers.</summary>
public sealed class CampaignHost : IAsyncDisposable
{
    private readonly ServiceProvider provider;
    private readonly IBusControl bus;

    private CampaignHost(ServiceProvider provider, IBusControl bus) => (this.provider, this.bus) = (provider, bus);

    public ICampaignStore Store => provider.GetRequiredService<ICampaignStore>();

    public CampaignRunner Runner => provider.GetRequiredService<CampaignRunner>();

    public RuntimeOptions Options => provider.GetRequiredService<RuntimeOptions>();

    /// <summary>The message bus (in-memory or RabbitMQ, as configured).</summary>
    public IBus Bus => bus;

    /// <summary>This process's worker (throws when it runs none: <see cref="RuntimeOptions.Workers"/> 0).</summary>
    public WorkerAgent Worker => Options.Workers > 0 ? provider.GetRequiredService<WorkerAgent>() : throw new InvalidOperationException("this process runs no worker");

    /// <summary>Null while the bus is healthy (started; on the broker, connected with its endpoints up); otherwise what is wrong.</summary>
    public string? BusProblem()
    {
        var health = bus.CheckHealth();
        return health.Status == BusHealthStatus.Healthy ? null : $"{health.Status.ToString().ToLowerInvariant()}: {health.Description}";
    }

    public WorkerPool Pool => provider.GetRequiredService<WorkerPool>();

    public LeasingChildDispatcher Dispatcher => provider.GetRequiredService<LeasingChildDispatcher>();

    /// <param name="openStore">Opens the campaign store; null for the SQLite store under the data directory.</param>
    public static async Task<CampaignHost> StartAsync(RuntimeOptions options, Func<IServiceProvider, IChildRunner>? runner = null,
        Func<CancellationToken, Task<ICampaignStore>>? openStore = null, CancellationToken cancellation = default)
    {
        options.ThrowIfInvalid();
        if (options.Workers > 0)
        {
            WorkerDevice.ThrowIfUnavailable(options.Device);
        }
        var services = new ServiceCollection();
        // Logs go to a daily file under the data directory; the terminal keeps the progress display.
        var logger = new LoggerConfiguration()
            .MinimumLevel.Information()
            .MinimumLevel.Override("MassTransit", Serilog.Events.LogEventLevel.Warning)
            .WriteTo.File(Path.Combine(options.DataDirectory, "logs", "mnas-.log"), rollingInterval: RollingInterval.Day)
            .CreateLogger();
        services.AddLogging(logging => logging.AddSerilog(logger, dispose: true));
        if (openStore != null)
        {
            services.AddSingleton(await openStore(cancellation));
        }
        else
        {
            services.AddSingleton<ICampaignStore>(_ => SqliteCampaignStore.InDirectory(options.DataDirectory));
        }
        services.AddSingleton<CampaignRunner>();
        services.AddMnasRuntime(options, runner);
        var provider = services.BuildServiceProvider();
        var bus = provider.GetRequiredService<IBusControl>();
        await bus.StartAsync(cancellation);
        if (options.Workers > 0)
        {
            await provider.GetRequiredService<WorkerAgent>().StartAsync();
        }
        return new CampaignHost(provider, bus);
    }

    private readonly List<WorkerAgent> extraWorkers = [];

    /// <summary>
    /// Starts one more worker in this process with a queue of its own (for tests and single machines with several
    /// device classes); it stops with the host.
    /// </summary>
    public async Task<WorkerAgent> StartWorkerAsync(int slots, IChildRunner runner, string? deviceClass = null)
    {
        var options = Options;
        var identity = WorkerIdentity.ForThisProcess(deviceClass ?? options.DeviceClass, options.Device, options.ThreadsPerWorker);
        var agent = new WorkerAgent(identity, slots, runner, bus, options, provider.GetRequiredService<TimeProvider>(),
            provider.GetRequiredService<ILoggerFactory>().CreateLogger<WorkerAgent>());
        var handle = bus.ConnectReceiveEndpoint(options.QueueName(WorkerIdentity.QueueName(identity.WorkerId)), (IReceiveEndpointConfigurator endpoint) =>
            endpoint.Consumer(() => new AssignedChildConsumer(agent)));
        await handle.Ready;
        await agent.StartAsync();
        lock (extraWorkers)
        {
            extraWorkers.Add(agent);
        }
        return agent;
    }

    private int disposed;

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref disposed, 1) != 0)
        {
            return;
        }
        if (Options.Workers > 0)
        {
            await provider.GetRequiredService<WorkerAgent>().StopAsync();
        }
        foreach (var agent in extraWorkers)
        {
            await agent.DisposeAsync();
        }
        if (Options.Coordinates)
        {
            await provider.GetRequiredService<LeasingChildDispatcher>().DisposeAsync();
        }
        await bus.StopAsync();
        await provider.DisposeAsync();
    }
}
