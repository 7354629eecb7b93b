using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Mnas.Store;

namespace Mnas.Api.Controller;

/// <summary><c>GET /campaigns/{id}/controller</c>: the reward, baseline and entropy history of the campaign's controller.</summary>
public static class ControllerApi
{
    public static IEndpointRouteBuilder MapControllerApi(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/campaigns/{id}/controller", GetAsync);
        return routes;
    }

    private static async Task<Results<Ok<ControllerHistoryResponse>, ProblemHttpResult>> GetAsync(string id, HttpContext context, ICampaignStore store)
    {
        if (await CampaignLookup.FindAsync(context, store, id) is null)
        {
            return CampaignLookup.NotFound(id);
        }

        var updates = await store.ListControllerUpdatesAsync(id, context.RequestAborted);
        return TypedResults.Ok(new ControllerHistoryResponse(
            updates.Select(u => new ControllerUpdateItem(u.Version, u.At, u.Children, u.MeanReward, u.Baseline, u.Entropy)).ToList()));
    }
}
