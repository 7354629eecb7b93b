using Microsoft.AspNetCore.Builder;
using Mnas.Api;
using Mnas.Api.Health;
using Mnas.Grains;
using Mnas.Host.Configuration;
using Mnas.Store;
using Serilog;
using Serilog.Events;

namespace Mnas.Host.Commands;

/// <summary>
/// A process's API (<c>mnas api</c>, <c>mnas serve</c>): listening at <c>api.listen</c> over a store of its own, and
/// with the rabbitmq transport probing the broker for <c>/readyz</c>. Logs go to <c>logs/mnas-api-*.log</c> under
/// the data directory.
/// </summary>
internal sealed class ApiRole : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly ICampaignStore store;
    private readonly BrokerReadinessProbe? broker;

    private ApiRole(WebApplication app, ICampaignStore store, BrokerReadinessProbe? broker) => (this.app, this.store, this.broker) = (app, store, broker);

    /// <summary>What its <c>/readyz</c> asks: the store and, with the rabbitmq transport, the broker.</summary>
    public IReadOnlyList<IReadinessProbe> Probes => broker is null ? [new StoreReadinessProbe(store)] : [new StoreReadinessProbe(store), broker];

    /// <summary>The addresses it listens on (the port chosen when <c>api.listen</c> asked for port 0).</summary>
    public IReadOnlyList<string> Urls => app.Urls.ToList();

    public static async Task<ApiRole> StartAsync(HostSettings settings, CancellationToken cancellation)
    {
        var runtime = settings.Runtime;
        var store = await CampaignSession.OpenStoreAsync(settings, runtime.DataDirectory, cancellation);
        var broker = runtime.Transport == RuntimeTransports.RabbitMq ? new BrokerReadinessProbe(runtime.RabbitMq) : null;
        var logger = new LoggerConfiguration()
            .MinimumLevel.Information()
            .MinimumLevel.Override("Microsoft.AspNetCore", LogEventLevel.Warning)
            .WriteTo.File(Path.Combine(runtime.DataDirectory, "logs", "mnas-api-.log"), rollingInterval: RollingInterval.Day)
            .CreateLogger();
        var app = ApiServer.Create(settings.Api, store, broker is null ? [] : [broker], logging => logging.AddSerilog(logger, dispose: true));
        var role = new ApiRole(app, store, broker);
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
        if (broker != null)
        {
            await broker.DisposeAsync();
        }

        await store.DisposeAsync();
    }
}
