using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Mnas.Api.Health;

/// <summary><c>GET /healthz</c> (the process is alive) and <c>GET /readyz</c> (the store, and the broker when there is one, answer).</summary>
public static class HealthApi
{
    public static IEndpointRouteBuilder MapHealthApi(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/healthz", () => TypedResults.Ok(new AliveResponse("alive")));
        routes.MapGet("/readyz", ReadyAsync);
        return routes;
    }

    private static async Task<Results<Ok<ReadyResponse>, ProblemHttpResult>> ReadyAsync(Readiness readiness, CancellationToken cancellation)
    {
        var unreachable = await readiness.FindUnreachableAsync(cancellation);
        if (unreachable.Count == 0)
        {
            return TypedResults.Ok(new ReadyResponse("ready", readiness.Probed));
        }

        return TypedResults.Problem(
            statusCode: StatusCodes.Status503ServiceUnavailable,
            title: "Not ready",
            detail: "unreachable: " + string.Join("; ", unreachable.Select(u => $"{u.Key} ({u.Value})")),
            extensions: new Dictionary<string, object?> { ["unreachable"] = unreachable });
    }
}
