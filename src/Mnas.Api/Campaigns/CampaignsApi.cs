using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Mnas.Api.Security;
using Mnas.Store;

namespace Mnas.Api.Campaigns;

/// <summary><c>GET /campaigns</c> (the caller's campaigns, every one for an operator, in the order created) and <c>GET /campaigns/{id}</c>, each with its progress.</summary>
public static class CampaignsApi
{
    public static RouteGroupBuilder MapCampaignsApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/campaigns");
        group.MapGet("/", ListAsync);
        group.MapGet("/{id}", GetAsync);
        return group;
    }

    private static async Task<Ok<List<CampaignResponse>>> ListAsync(HttpContext context, ICampaignStore store, CampaignProgress progress,
        CancellationToken cancellation)
    {
        var caller = ApiCaller.From(context.User)!;
        var campaigns = (await store.ListCampaignsAsync(cancellation)).Where(caller.MayAccess).ToList();
        var described = new List<CampaignResponse>(campaigns.Count);
        foreach (var campaign in campaigns)
        {
            described.Add(await progress.DescribeAsync(campaign, cancellation));
        }

        return TypedResults.Ok(described);
    }

    private static async Task<Results<Ok<CampaignResponse>, ProblemHttpResult>> GetAsync(string id, HttpContext context, ICampaignStore store,
        CampaignProgress progress, CancellationToken cancellation)
    {
        var campaign = await CampaignAccess.FindAsync(context, store, id);
        if (campaign is null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Campaign not found", detail: $"no campaign '{id}'");
        }

        return TypedResults.Ok(await progress.DescribeAsync(campaign, cancellation));
    }
}
