using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Mnas.Api.Health;

namespace Mnas.Api.Management;

/// <summary>
/// The management listener as a web application on its own, at <see cref="ManagementOptions.Listen"/>. It asks for
/// no credentials: it is meant for the cluster's own network, never for the public.
/// </summary>
public static class ManagementServer
{
    /// <summary>
    /// Builds (does not start) the listener. <paramref name="alive"/> says whether the role's main loop runs;
    /// <paramref name="probes"/> are its dependencies; <paramref name="metrics"/> is what <c>/metrics</c> serves. Throws
    /// <see cref="ArgumentException"/> naming a bad setting.
    /// </summary>
    public static WebApplication Create(ManagementOptions options, Func<bool> alive, IEnumerable<IReadinessProbe> probes, ManagementMetrics metrics)
    {
        if (!options.Enabled)
        {
            throw new ArgumentException($"{ManagementOptionsValidator.ListenSetting}: not set", nameof(options));
        }

        if (ManagementOptionsValidator.Instance.Validate(options) is [var problem, ..])
        {
            throw new ArgumentException(problem, nameof(options));
        }

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [], ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration.Sources.Clear();
        builder.Configuration.AddInMemoryCollection();
        builder.WebHost.UseUrls(options.Listen!);
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.MapManagement(alive, new Readiness(probes), metrics);
        return app;
    }
}
