using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Mnas.Api.Campaigns;
using Mnas.Campaigns;
using Mnas.Grains;
using Mnas.SearchSpace.Spec;
using Mnas.SearchSpace.Validation;
using Mnas.Store;

namespace Mnas.Api.Search;

/// <summary>
/// <c>GET /campaigns/{id}/search</c>: the predictor-driven search of an fbnetv3 or memnas campaign — every step it recorded,
/// the stage it is in and the size of its latency lookup table; for memnas also its done children in accuracy × memory
/// space with their front (<see cref="MemoryFront"/>). A campaign the caller may not see is 404 as everywhere; so is one
/// whose strategy searches with no predictor, with a problem saying so.
/// </summary>
public static class SearchApi
{
    public static IEndpointRouteBuilder MapSearchApi(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/campaigns/{id}/search", GetAsync);
        return routes;
    }

    private static async Task<Results<Ok<SearchResponse>, ProblemHttpResult>> GetAsync(string id, HttpContext context, ICampaignStore store)
    {
        var campaign = await CampaignLookup.FindAsync(context, store, id);
        if (campaign is null)
        {
            return CampaignLookup.NotFound(id);
        }

        var settings = CampaignProgress.ReadSettings(campaign);
        if (!PredictorStrategies.Includes(settings?.Strategy))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No predictor search",
                detail: settings is null
                    ? $"campaign '{id}' has settings this version cannot read: no search to show"
                    : $"campaign '{id}' runs the {settings.Strategy} strategy, which searches with no predictor " +
                      $"({PredictorStrategies.Fbnetv3} and {PredictorStrategies.Memnas} do)");
        }

        var cancellation = context.RequestAborted;
        var rounds = (await store.ListSearchRoundsAsync(id, cancellation)).Select(SearchRoundItem.From).ToList();
        var table = await store.GetLatencyTableAsync(id, cancellation);
        var front = settings!.Strategy == PredictorStrategies.Memnas ? await MemoryFrontAsync(store, campaign, settings.Strategy, cancellation) : null;
        return TypedResults.Ok(new SearchResponse(settings.Strategy, rounds.Count == 0 ? null : rounds[^1].Stage, rounds, table.Count, front));
    }

    // A spec this version cannot read places no child: the front is empty.
    private static async Task<IReadOnlyList<MemoryPointItem>> MemoryFrontAsync(ICampaignStore store, Campaign campaign, string strategy,
        CancellationToken cancellation)
    {
        CampaignArchitectures architectures;
        try
        {
            architectures = CampaignArchitectures.For(CampaignSpecLoader.FromJson(campaign.SpecJson), strategy);
        }
        catch (SpecException)
        {
            return [];
        }

        var done = await store.ListChildrenAsync(campaign.Id, ChildStatus.Done, cancellation);
        return MemoryFront.Points(done, architectures);
    }
}
