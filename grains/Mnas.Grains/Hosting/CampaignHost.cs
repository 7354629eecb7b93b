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

    public static async Task<CampaignHost> StartAsync(RuntimeOptions options, Func<IServiceProvider, IChildRunner>? runner = null,
        CancellationToken cancellation = default)
    {
        var services = new ServiceCollection();
        // Logs go to a daily file under the data directory; the terminal keeps the progress display.
        var logger = new LoggerConfiguration()
            .MinimumLevel.Information()
            .MinimumLevel.Override("MassTransit", Serilog.Events.LogEventLevel.Warning)
            .WriteTo.File(Path.Combine(options.DataDirectory, "logs", "mnas-.log"), rollingInterval: RollingInterval.Day)
            .CreateLogger();
        services.AddLogging(logging => logging.AddSerilog(logger, dispose: true));
        services.AddSingleton<ICampaignStore>(_ => SqliteCampaignStore.InDirectory(options.DataDirectory));
        services.AddSingleton<CampaignRunner>();
        services.AddMnasRuntime(options, runner);
        var provider = services.BuildServiceProvider();
        var bus = provider.GetRequiredService<IBusControl>();
        await bus.StartAsync(cancellation);
        return new CampaignHost(provider, bus);
    }

    private int disposed;

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref disposed, 1) != 0)
        {
            return;
        }
        await bus.StopAsync();
        await provider.DisposeAsync();
    }
}
