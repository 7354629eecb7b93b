using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Mnas.Api.Health;

namespace Mnas.Api.Management;

/// <summary>
/// <c>GET /healthz</c> (200 <c>ok</c> while the role's main loop runs, else 503), <c>GET /readyz</c> (200 <c>ready</c>
/// when every dependency answers, else 503 naming what does not) and <c>GET /metrics</c> (<see cref="ManagementMetrics"/>
/// in the Prometheus text format, by OpenTelemetry's exporter).
/// </summary>
public static class ManagementEndpoints
{
    public static IEndpointRouteBuilder MapManagement(this IEndpointRouteBuilder routes, Func<bool> alive, Readiness readiness, ManagementMetrics metrics)
    {
        routes.MapGet("/healthz", () => alive() ? Results.Text("ok\n") : Results.Text("stopped\n", statusCode: StatusCodes.Status503ServiceUnavailable));
        routes.MapGet("/readyz", async (CancellationToken cancellation) =>
        {
            var unreachable = await readiness.FindUnreachableAsync(cancellation);
            return unreachable.Count == 0
                ? Results.Text("ready\n")
                : Results.Text("not ready: " + string.Join("; ", unreachable.Select(u => $"{u.Key} ({u.Value})")) + "\n",
                    statusCode: StatusCodes.Status503ServiceUnavailable);
        });
        routes.MapPrometheusScrapingEndpoint("/metrics", metrics.Provider, configureBranchedPipeline: null, optionsName: null);
        return routes;
    }
}
