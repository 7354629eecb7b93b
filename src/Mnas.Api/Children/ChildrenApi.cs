using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Mnas.Store;

namespace Mnas.Api.Children;

/// <summary>
/// <c>GET /campaigns/{id}/children</c> (paged, sorted, filtered by status) and <c>GET /campaigns/{id}/children/{sequence}</c>
/// (one child with its events and training curve).
/// </summary>
public static class ChildrenApi
{
    public static IEndpointRouteBuilder MapChildrenApi(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/campaigns/{id}/children", ListAsync);
        routes.MapGet("/campaigns/{id}/children/{sequence}", GetAsync);
        return routes;
    }

    private static async Task<Results<Ok<ChildPage>, ValidationProblem, ProblemHttpResult>> ListAsync(
        string id,
        HttpContext context,
        ICampaignStore store,
        [FromQuery] string? status,
        [FromQuery] string? sort,
        [FromQuery] string? order,
        [FromQuery] string? page,
        [FromQuery(Name = "page_size")] string? pageSize)
    {
        var (query, errors) = ChildQuery.Parse(status, sort, order, page, pageSize);
        if (query is null)
        {
            return TypedResults.ValidationProblem(errors);
        }

        if (await CampaignLookup.FindAsync(context, store, id) is null)
        {
            return CampaignLookup.NotFound(id);
        }

        return TypedResults.Ok(query.Apply(await store.ListChildrenAsync(id, query.Status, context.RequestAborted)));
    }

    private static async Task<Results<Ok<ChildDetail>, ValidationProblem, ProblemHttpResult>> GetAsync(
        string id, string sequence, HttpContext context, ICampaignStore store)
    {
        if (!ChildSequence.TryParse(sequence, out var number))
        {
            return ChildSequence.Invalid(sequence);
        }

        if (await CampaignLookup.FindAsync(context, store, id) is null)
        {
            return CampaignLookup.NotFound(id);
        }

        var cancellation = context.RequestAborted;
        var child = await store.GetChildAsync(id, number, cancellation);
        if (child is null)
        {
            return ChildSequence.NotFound(id, number);
        }

        var events = await ChildEvents.OfAsync(store, id, number, cancellation);
        var curve = (await store.GetChildCurveAsync(id, number, cancellation)).Select(e => new CurvePoint(e.Epoch, e.TrainLoss, e.ValidationAccuracy)).ToList();
        return TypedResults.Ok(ChildDetail.From(child, events, curve));
    }
}
