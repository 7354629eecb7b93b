using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Mnas.Grains.Trainer;
using Mnas.Grains.Workers;
using Mnas.Store;
using Mnas.Store.Sqlite;
using Serilog;

namespace Mnas.Grains.Hosting;

/// <summary>
/// The campaign runtime in this process: one Orleans silo — embedded (campaigns, directory and a worker; localhost
/// clustering), a controller silo (campaigns and directory) or a worker silo — with the store, logs under the data
/// directory, and, when asked, the keeper that runs every campaign the store has running.
/// </summary>
public sealed class CampaignHost : IAsyncDisposable
{
    private readonly IHost host;

    private CampaignHost(IHost host, SiloRole role) => (this.host, Role) = (host, role);

    public SiloRole Role { get; }

    /// <summary>The cluster as this silo joined it (free ports chosen).</summary>
    public ClusterSettings Cluster { get; private init; } = null!;

    public IServiceProvider Services => host.Services;

    public ICampaignStore Store => host.Services.GetRequiredService<ICampaignStore>();

    public CampaignRunner Runner => host.Services.GetRequiredService<CampaignRunner>();

    public RuntimeOptions Options => host.Services.GetRequiredService<RuntimeOptions>();

    public IGrainFactory Grains => host.Services.GetRequiredService<IGrainFactory>();

    /// <summary>This process's worker (throws when it runs none: <see cref="RuntimeOptions.Workers"/> 0).</summary>
    public WorkerAgent Worker => host.Services.GetService<WorkerService>()?.Worker ?? throw new InvalidOperationException("this process runs no worker");

    /// <summary>Starts a silo for <paramref name="options"/>: embedded when it both coordinates and runs a worker, else a controller or worker silo.</summary>
    /// <param name="runner">What the worker runs; null for the trainer <see cref="RuntimeOptions.Trainer"/> names.</param>
    /// <param name="openStore">Opens the campaign store; null for the SQLite store under the data directory.</param>
    /// <param name="cluster">How it joins a cluster (port 0: a free one); null for a cluster of its own on free loopback ports.</param>
    /// <param name="keepCampaigns">Runs every campaign the store has running (<see cref="CampaignKeeper"/>).</param>
    public static async Task<CampaignHost> StartAsync(RuntimeOptions options, Func<IServiceProvider, IChildRunner>? runner = null,
        Func<CancellationToken, Task<ICampaignStore>>? openStore = null, CancellationToken cancellation = default, ClusterSettings? cluster = null,
        bool keepCampaigns = false, Action<IServiceCollection>? services = null)
    {
        options.ThrowIfInvalid();
        if (options.Workers > 0)
        {
            WorkerDevice.ThrowIfUnavailable(options.Device);
        }
        var role = options.Coordinates ? options.Workers > 0 ? SiloRole.Embedded : SiloRole.Controller : SiloRole.Worker;
        cluster ??= new ClusterSettings { SiloPort = 0, GatewayPort = 0 };
        if (cluster.SiloPort == 0 || cluster.GatewayPort == 0)
        {
            var (siloPort, gatewayPort) = FreePorts.Pair();
            cluster = cluster with
            {
                SiloPort = cluster.SiloPort == 0 ? siloPort : cluster.SiloPort,
                GatewayPort = cluster.GatewayPort == 0 ? gatewayPort : cluster.GatewayPort,
            };
        }
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        var logger = new LoggerConfiguration()
            .MinimumLevel.Information()
            .MinimumLevel.Override("Orleans", Serilog.Events.LogEventLevel.Warning)
            .MinimumLevel.Override("Microsoft", Serilog.Events.LogEventLevel.Warning)
            .WriteTo.File(Path.Combine(options.DataDirectory, "logs", "mnas-.log"), rollingInterval: RollingInterval.Day)
            .CreateLogger();
        builder.Logging.ClearProviders();
        builder.Logging.AddSerilog(logger, dispose: true);
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = cluster.ShutdownTimeout);
        if (role != SiloRole.Worker)
        {
            if (openStore != null)
            {
                builder.Services.AddSingleton(await openStore(cancellation));
            }
            else
            {
                builder.Services.AddSingleton<ICampaignStore>(_ => SqliteCampaignStore.InDirectory(options.DataDirectory));
            }
        }
        builder.UseOrleans(silo => silo.ConfigureMnas(role, cluster, options));
        builder.Services.AddSingleton<CampaignRunner>();
        builder.Services.AddSingleton(sp => runner?.Invoke(sp) ?? DefaultRunner(options));
        // Registered after the silo: started once it runs, stopped before it stops.
        if (options.Workers > 0)
        {
            builder.Services.AddSingleton<WorkerService>();
            builder.Services.AddHostedService(sp => sp.GetRequiredService<WorkerService>());
        }
        if (keepCampaigns && role != SiloRole.Worker)
        {
            builder.Services.AddHostedService<CampaignKeeper>();
        }
        services?.Invoke(builder.Services);
        var host = builder.Build();
        try
        {
            await host.StartAsync(cancellation);
        }
        catch
        {
            host.Dispose();
            throw;
        }
        return new CampaignHost(host, role) { Cluster = cluster };
    }

    /// <summary>Starts one more worker in this process with an id of its own (tests, machines with several device classes); it stops with the host.</summary>
    public Task<WorkerAgent> StartWorkerAsync(int slots, IChildRunner runner, string? deviceClass = null) =>
        (host.Services.GetService<WorkerService>() ?? throw new InvalidOperationException("this process runs no worker"))
            .StartWorkerAsync(slots, runner, deviceClass);

    /// <summary>Runs until <paramref name="stop"/> fires, then stops gracefully.</summary>
    public async Task RunUntilAsync(CancellationToken stop)
    {
        try
        {
            await Task.Delay(Timeout.Infinite, stop);
        }
        catch (OperationCanceledException)
        {
        }
    }

    private static IChildRunner DefaultRunner(RuntimeOptions options) =>
        options.Trainer == RuntimeOptions.SimulatedTrainer ? new SimulatedChildRunner(options) : new PipelineChildRunner(options);

    private int disposed;

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref disposed, 1) != 0)
        {
            return;
        }
        try
        {
            await host.StopAsync();
        }
        finally
        {
            if (host.Services.GetService<ICampaignStore>() is { } store && Role != SiloRole.Worker)
            {
                await store.DisposeAsync();
            }
            host.Dispose();
        }
    }
}
