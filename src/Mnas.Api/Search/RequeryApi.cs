using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Mnas.Api.Campaigns;
using Mnas.Grains;
using Mnas.Grains.Fbnetv3;
using Mnas.SearchSpace.Validation;
using Mnas.Store;

namespace Mnas.Api.Search;

/// <summary>
/// <c>POST /campaigns/{id}/requery</c>: asks an fbnetv3 campaign (running or finished) for its best architecture–recipe pairs
/// under the limits in the body (<see cref="RequeryRequest"/>): its fine stage runs again with the predictor of its latest
/// checkpoint, costing architectures by the latency table it measured. Nothing trains, nothing is timed and nothing is
/// written. A campaign the caller may not see is 404 as everywhere; one of another strategy, or without a fitted predictor
/// yet, is 409 with a problem saying why; a bad body is 400 naming each offending field.
/// </summary>
public static class RequeryApi
{
    public static IEndpointRouteBuilder MapRequeryApi(this IEndpointRouteBuilder routes)
    {
        // The body is read by the handler, not declared to routing: a request without a key gets its 401 before anything is read.
        routes.MapPost("/campaigns/{id}/requery", RequeryAsync);
        return routes;
    }

    private static async Task<Results<Ok<RequeryResponse>, ValidationProblem, ProblemHttpResult>> RequeryAsync(string id, HttpContext context,
        ICampaignStore store, CancellationToken cancellation)
    {
        var campaign = await CampaignLookup.FindAsync(context, store, id);
        if (campaign is null)
        {
            return CampaignLookup.NotFound(id);
        }

        var errors = new ValidationErrors();
        var constraints = await RequeryRequest.ReadAsync(context.Request, errors, cancellation);
        if (constraints is null)
        {
            return Invalid(errors);
        }

        var settings = CampaignProgress.ReadSettings(campaign);
        if (!PredictorStrategies.SearchesRecipes(settings?.Strategy))
        {
            return Conflict(settings is null
                ? $"campaign '{id}' has settings this version cannot read: it cannot be asked again"
                : $"campaign '{id}' runs the {settings.Strategy} strategy: only an {PredictorStrategies.Fbnetv3} campaign has a predictor to ask again");
        }

        try
        {
            return TypedResults.Ok(RequeryResponse.From(await CampaignRequery.RunAsync(store, id, constraints, cancellation)));
        }
        catch (KeyNotFoundException)
        {
            // Deleted since it was found.
            return CampaignLookup.NotFound(id);
        }
        catch (InvalidOperationException refused)
        {
            return Conflict(refused.Message);
        }
        catch (SpecException unreadable)
        {
            return Conflict($"campaign '{id}' has a spec this version cannot read: {unreadable.Message}");
        }
        catch (InvalidDataException unreadable)
        {
            return Conflict($"campaign '{id}' has a checkpoint this version cannot read: {unreadable.Message}");
        }
        catch (ArgumentException invalid)
        {
            // The body's own checks come first; the search's are the same limits seen from the other side.
            errors.Add("body", invalid.Message);
            return Invalid(errors);
        }
    }

    private static ValidationProblem Invalid(ValidationErrors errors) =>
        TypedResults.ValidationProblem(errors.ToDictionary(), title: "Invalid requery", detail: "nothing was asked: every offending field is listed in errors");

    private static ProblemHttpResult Conflict(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Cannot requery", detail: detail);
}
