using Microsoft.AspNetCore.Builder;
using Mnas.Api.Health;
using Mnas.Api.Management;
using Mnas.Grains;
using Mnas.Host.Configuration;

namespace Mnas.Host.Commands;

/// <summary>
/// A long-running role's management listener at <c>management.listen</c> (off when unset): <c>/healthz</c>,
/// <c>/readyz</c> and <c>/metrics</c>. <see cref="Prepare"/> starts collecting before the role's components start, so
/// that the metrics count from the beginning; <see cref="StartAsync"/> listens once the role can be probed.
/// </summary>
internal sealed class ManagementRole : IAsyncDisposable
{
    private readonly ManagementOptions options;
    private readonly ManagementMetrics? metrics;
    private WebApplication? app;

    private ManagementRole(ManagementOptions options)
    {
        this.options = options;
        if (options.Enabled)
        {
            metrics = new ManagementMetrics();
            RuntimeMetrics.Publish();
        }
    }

    public static ManagementRole Prepare(HostSettings settings) => new(settings.Management);

    /// <summary>Listens (when on) and prints the address, with the port chosen when <c>management.listen</c> asked for port 0.</summary>
    /// <param name="alive">Whether the role's main loop runs (<c>/healthz</c>).</param>
    /// <param name="probes">What must answer for the role to be ready (<c>/readyz</c>).</param>
    public async Task StartAsync(Func<bool> alive, IReadOnlyList<IReadinessProbe> probes, CancellationToken cancellation)
    {
        if (metrics is null)
        {
            return;
        }

        app = ManagementServer.Create(options, alive, probes, metrics);
        try
        {
            await app.StartAsync(cancellation);
        }
        catch (IOException e)
        {
            throw new SettingsException([$"{ManagementOptionsValidator.ListenSetting}: cannot listen on {options.Listen} ({e.Message})"]);
        }

        Console.WriteLine($"management: {string.Join(", ", app.Urls)}");
    }

    public async ValueTask DisposeAsync()
    {
        if (app != null)
        {
            await app.DisposeAsync();
        }

        metrics?.Dispose();
    }
}
