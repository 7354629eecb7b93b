using Microsoft.AspNetCore.Builder;
using Mnas.Api;
using Mnas.Api.Health;
using Mnas.Grains.Hosting;
using Mnas.Host.Configuration;
using Mnas.Store;
using Serilog;
using Serilog.Events;

namespace Mnas.Host.Commands;

/// <summary>
/// A process's API (<c>mnas api</c>, <c>mnas serve</c>, <c>mnas demo</c>): listening at <c>api.listen</c> over a store
/// of its own, and reaching the cluster — through this process's silo, or as a client of the cluster's gateways — for
/// what only the campaigns' grains know and for <c>/readyz</c>. Logs go to <c>logs/mnas-api-*.log</c> under the data
/// directory.
/// </summary>
internal sealed class ApiRole : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly ICampaignStore store;
    private readonly ClusterClient? client;

    private ApiRole(WebApplication app, ICampaignStore store, ClusterClient? client, IReadOnlyList<IReadinessProbe> probes) =>
        (this.app, this.store, this.client, Probes) = (app, store, client, probes);

    /// <summary>What its <c>/readyz</c> asks: the store and, where it reaches one, the cluster.</summary>
    public IReadOnlyList<IReadinessProbe> Probes { get; }

    /// <summary>The addresses it listens on (the port chosen when <c>api.listen</c> asked for port 0).</summary>
    public IReadOnlyList<string> Urls => app.Urls.ToList();

    /// <param name="silo">This process's silo; null for an API on its own, which connects as a client when the settings name a cluster.</param>
    public static async Task<ApiRole> StartAsync(HostSettings settings, CancellationToken cancellation, IGrainFactory? silo = null)
    {
        var runtime = settings.Runtime;
        var store = await CampaignSession.OpenStoreAsync(settings, runtime.DataDirectory, cancellation);
        var client = silo == null && ClusterClient.Configured(settings.Cluster) ? await ClusterClient.StartAsync(settings.Cluster, cancellation) : null;
        var grains = silo ?? client?.Grains;
        IReadOnlyList<IReadinessProbe> probes = grains is null ? [new StoreReadinessProbe(store)] : [new StoreReadinessProbe(store), new ClusterReadinessProbe(grains)];
        var logger = new LoggerConfiguration()
            .MinimumLevel.Information()
            .MinimumLevel.Override("Microsoft.AspNetCore", LogEventLevel.Warning)
            .WriteTo.File(Path.Combine(runtime.DataDirectory, "logs", "mnas-api-.log"), rollingInterval: RollingInterval.Day)
            .CreateLogger();
        var app = ApiServer.Create(settings.Api, store, probes.Skip(1), logging => logging.AddSerilog(logger, dispose: true), cluster: grains);
        var role = new ApiRole(app, store, client, probes);
        try
        {
            await app.StartAsync(cancellation);
        }
        catch (IOException e)
        {
            await role.DisposeAsync();
            throw new SettingsException([$"{ApiOptionsValidator.ListenSetting}: cannot listen on {settings.Api.Listen} ({e.Message})"]);
        }

        Console.WriteLine($"api: listening on {string.Join(", ", role.Urls)}");
        return role;
    }

    public async ValueTask DisposeAsync()
    {
        await app.DisposeAsync();
        if (client != null)
        {
            await client.DisposeAsync();
        }

        await store.DisposeAsync();
    }
}
