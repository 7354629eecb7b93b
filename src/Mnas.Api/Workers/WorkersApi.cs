using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Mnas.Api.Security;
using Mnas.Campaigns;
using Mnas.Store;

namespace Mnas.Api.Workers;

/// <summary><c>GET /workers</c> (operators only): every worker the store has heard from, ordered by id, with whether it is alive now.</summary>
public static class WorkersApi
{
    public static RouteGroupBuilder MapWorkersApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/workers").RequireAuthorization(ApiPolicies.Operator);
        group.MapGet("/", ListAsync);
        return group;
    }

    private static async Task<Ok<List<WorkerResponse>>> ListAsync(ICampaignStore store, ApiOptions options, TimeProvider clock,
        CancellationToken cancellation)
    {
        var workers = await store.ListWorkersAsync(cancellation);
        var now = clock.GetUtcNow();
        return TypedResults.Ok(workers.Select(w => Describe(w, now, options.AliveWindow)).ToList());
    }

    private static WorkerResponse Describe(WorkerStatus worker, DateTimeOffset now, TimeSpan aliveWindow) => new(
        worker.WorkerId, worker.DeviceClass, worker.Device, worker.Threads, worker.Slots,
        worker.Running.Select(c => new WorkerChildResponse(c.CampaignId, c.Sequence, c.Attempt, c.Job)).ToList(),
        worker.Stopping, worker.FirstSeen, worker.LastHeartbeat, now - worker.LastHeartbeat <= aliveWindow);
}
