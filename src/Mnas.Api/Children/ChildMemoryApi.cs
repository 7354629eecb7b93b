using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Mnas.Api.Campaigns;
using Mnas.Grains;
using Mnas.SearchSpace.Spec;
using Mnas.SearchSpace.Validation;
using Mnas.Store;

namespace Mnas.Api.Children;

/// <summary>
/// <c>GET /campaigns/{id}/children/{sequence}/memory</c>: the memory a child's network needs, of its target view, for a
/// campaign of any strategy — parameter bytes, peak activation bytes and the live bytes at each execution step
/// (<see cref="ChildMemory"/>). A campaign the caller may not see, or a child it does not have, is 404; a campaign whose
/// spec or settings, or a child whose architecture, this version cannot read is 409 saying which.
/// </summary>
public static class ChildMemoryApi
{
    public static IEndpointRouteBuilder MapChildMemoryApi(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/campaigns/{id}/children/{sequence}/memory", GetAsync);
        return routes;
    }

    private static async Task<Results<Ok<ChildMemoryResponse>, ValidationProblem, ProblemHttpResult>> GetAsync(
        string id, string sequence, HttpContext context, ICampaignStore store)
    {
        if (!ChildSequence.TryParse(sequence, out var number))
        {
            return ChildSequence.Invalid(sequence);
        }

        var campaign = await CampaignLookup.FindAsync(context, store, id);
        if (campaign is null)
        {
            return CampaignLookup.NotFound(id);
        }

        var child = await store.GetChildAsync(id, number, context.RequestAborted);
        if (child is null)
        {
            return ChildSequence.NotFound(id, number);
        }

        var settings = CampaignProgress.ReadSettings(campaign);
        if (settings is null)
        {
            return Unreadable($"campaign '{id}' has settings this version cannot read: its children's networks are unknown");
        }

        CampaignSpec spec;
        try
        {
            spec = CampaignSpecLoader.FromJson(campaign.SpecJson);
        }
        catch (SpecException unreadable)
        {
            return Unreadable($"campaign '{id}' has a spec this version cannot read: {unreadable.Message}");
        }

        try
        {
            var target = CampaignArchitectures.For(spec, settings.Strategy).Target(child.Architecture);
            return TypedResults.Ok(ChildMemory.Of(number, child.Architecture, target));
        }
        catch (Exception e) when (e is ArgumentException or FormatException)
        {
            return Unreadable($"child {number} of campaign '{id}' names a network this version cannot build: {e.Message}");
        }
    }

    private static ProblemHttpResult Unreadable(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "No memory analysis", detail: detail);
}
