using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Mnas.Campaigns;
using Mnas.SearchSpace.Spec;
using Mnas.SearchSpace.Validation;
using Mnas.Store;

namespace Mnas.Api.Pareto;

/// <summary><c>GET /campaigns/{id}/pareto?objectives=…</c>: the done children, each marked whether it is on the front of the objectives chosen.</summary>
public static class ParetoApi
{
    public static IEndpointRouteBuilder MapParetoApi(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/campaigns/{id}/pareto", GetAsync);
        return routes;
    }

    private static async Task<Results<Ok<ParetoResponse>, ValidationProblem, ProblemHttpResult>> GetAsync(
        string id, HttpContext context, ICampaignStore store, [FromQuery] string? objectives)
    {
        var (chosen, names, error) = ParetoObjectiveNames.Parse(objectives);
        if (chosen is null)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["objectives"] = [error!] });
        }

        var campaign = await CampaignLookup.FindAsync(context, store, id);
        if (campaign is null)
        {
            return CampaignLookup.NotFound(id);
        }

        var done = await store.ListChildrenAsync(id, ChildStatus.Done, context.RequestAborted);
        return TypedResults.Ok(new ParetoResponse(names, TargetLatencyMs(campaign), CampaignFront.Points(done, chosen)));
    }

    // A campaign recorded by another version may hold a spec this one cannot read: its front is still shown, without the target.
    private static double? TargetLatencyMs(Campaign campaign)
    {
        try
        {
            return CampaignSpecLoader.FromJson(campaign.SpecJson).Reward.LatencyTargetMs;
        }
        catch (SpecException)
        {
            return null;
        }
    }
}
