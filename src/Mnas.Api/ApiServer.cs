using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Mnas.Api.Health;
using Mnas.Store;

namespace Mnas.Api;

/// <summary>The API as a web application on its own, listening at <see cref="ApiOptions.Listen"/>: for the host's roles and for tests.</summary>
public static class ApiServer
{
    /// <summary>
    /// Builds (does not start) the API over <paramref name="store"/>. Logging goes only where <paramref name="logging"/>
    /// sends it: the terminal is the command's. <paramref name="clock"/> (the system's by default) tells whether
    /// workers are alive. Throws <see cref="ArgumentException"/> naming every bad setting.
    /// </summary>
    /// <param name="cluster">The Orleans cluster the process reaches (a silo's or a client's grain factory), for what only the campaigns' grains know (whether one waits); null without one.</param>
    public static WebApplication Create(ApiOptions options, ICampaignStore store, IEnumerable<IReadinessProbe>? probes = null,
        Action<ILoggingBuilder>? logging = null, TimeProvider? clock = null, IGrainFactory? cluster = null)
    {
        ApiOptionsValidator.Instance.ThrowIfInvalid(options);
        // Settings come from the process's own (api.listen), not from files or variables the web host would look for.
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [], ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration.Sources.Clear();
        builder.Configuration.AddInMemoryCollection();
        builder.WebHost.UseUrls(options.Listen);
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = options.MaxBodyBytes);
        builder.Logging.ClearProviders();
        logging?.Invoke(builder.Logging);
        builder.Services.AddSingleton(clock ?? TimeProvider.System);
        builder.Services.AddMnasApi(options, store, probes);
        if (cluster != null)
        {
            builder.Services.AddSingleton(cluster);
        }
        var app = builder.Build();
        app.UseMnasApi(options);
        return app;
    }
}
