using Microsoft.AspNetCore.Builder;
using Mnas.Api.Dashboard;
using Mnas.Api.Limits;
using Mnas.Api.Metrics;
using Mnas.Api.OpenApi;

namespace Mnas.Api;

/// <summary>The API's request pipeline, the same wherever it is hosted (its own server, or a test server).</summary>
public static class ApiPipeline
{
    /// <summary>Lays the middleware and endpoints onto <paramref name="app"/>, whose services came from <see cref="ApiServiceCollectionExtensions.AddMnasApi"/>.</summary>
    public static IApplicationBuilder UseMnasApi(this IApplicationBuilder app, ApiOptions options)
    {
        app.UseApiMetrics();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseMnasApiDocumentation();
        // The dashboard's files need no credentials (the page asks for a key), so they are served before authentication.
        app.UseMnasDashboard();
        app.UseBodySizeLimit(options);
        app.UseRouting();
        // Authentication before the limiter, which counts per key; authorization after it, so refused requests count too.
        app.UseAuthentication();
        app.UseRateLimiter();
        app.UseAuthorization();
        app.UseEndpoints(endpoints =>
        {
            endpoints.MapMnasApi();
            endpoints.MapMnasApiDocumentation();
        });
        return app;
    }
}
