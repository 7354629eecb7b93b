using Mnas.Grains.Hosting;
using Mnas.Host.Configuration;

namespace Mnas.Host.Commands;

/// <summary>
/// The embedded server of <c>mnas serve</c> and <c>mnas demo</c>: a silo that runs every campaign the store has running
/// with <c>worker.slots</c> local worker slots sharing the machine's cores, the API over the same silo, and the
/// management listener when <c>management.listen</c> asks for it.
/// </summary>
internal sealed class EmbeddedServer : IAsyncDisposable
{
    private readonly ManagementRole management;

    private EmbeddedServer(ManagementRole management, CampaignHost host, ApiRole api) => (this.management, Host, Api) = (management, host, api);

    public CampaignHost Host { get; }

    public ApiRole Api { get; }

    public static async Task<EmbeddedServer> StartAsync(HostSettings settings, CancellationToken stop)
    {
        var runtime = settings.Runtime with
        {
            Coordinates = true,
            ThreadsPerWorker = Math.Min(settings.Runtime.ThreadsPerWorker, Math.Max(1, Environment.ProcessorCount / Math.Max(1, settings.Runtime.Workers))),
        };
        var management = ManagementRole.Prepare(settings);
        CampaignHost? host = null;
        try
        {
            host = await CommandErrors.StartingAsync("the silo", () => CampaignHost.StartAsync(runtime,
                openStore: token => CampaignSession.OpenStoreAsync(settings, runtime.DataDirectory, token), cancellation: stop,
                cluster: settings.Cluster, keepCampaigns: true));
            var api = await ApiRole.StartAsync(settings, stop, host.Grains);
            var server = new EmbeddedServer(management, host, api);
            await management.StartAsync(() => !stop.IsCancellationRequested, api.Probes, stop);
            return server;
        }
        catch
        {
            if (host != null)
            {
                await host.DisposeAsync();
            }
            await management.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Api.DisposeAsync();
        await Host.DisposeAsync();
        await management.DisposeAsync();
    }
}
