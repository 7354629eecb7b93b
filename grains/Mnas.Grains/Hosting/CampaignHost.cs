using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Mnas.Grains.Coordinator;
using Mnas.Grains.Trainer;
using Mnas.Store;
using Mnas.Store.Sqlite;

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
        services.AddSingleton<ICampaignStore>(_ => SqliteCampaignStore.InDirectory(options.DataDirectory));
        services.AddSingleton<CampaignRunner>();
        services.AddMnasRuntime(options, runner);
        var provider = services.BuildServiceProvider();
        var bus = provider.GetRequiredService<IBusControl>();
        await bus.StartAsync(cancellation);
        return new CampaignHost(provider, bus);
    }

    public async ValueTask DisposeAsync()
    {
        await bus.StopAsync();
        await provider.DisposeAsync();
    }
}
