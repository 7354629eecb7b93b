using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Mnas.Api.Security;
using Mnas.Campaigns;
using Mnas.SearchSpace.Spec;
using Mnas.Store;

namespace Mnas.Api.Campaigns;

/// <summary>
/// <c>POST /campaigns</c> (create from a spec, JSON or YAML; owned by the caller's key), <c>POST /campaigns/{id}/cancel</c>
/// (its owner or an operator) and <c>DELETE /campaigns/{id}</c> (operators only). A refused request writes nothing: a
/// campaign is stored only once its submission and spec pass the campaign contract.
/// </summary>
public static partial class CampaignWritesApi
{
    public static RouteGroupBuilder MapCampaignWritesApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/campaigns");
        // The media types are checked in the handler, not declared to routing: routing would answer 415 before a request without a key got its 401.
        group.MapPost("/", CreateAsync);
        group.MapPost("/{id}/cancel", CancelAsync);
        group.MapDelete("/{id}", DeleteAsync).RequireAuthorization(ApiPolicies.Operator);
        return group;
    }

    private static async Task<Results<Created<CampaignResponse>, ValidationProblem, ProblemHttpResult>> CreateAsync(HttpContext context,
        ICampaignStore store, CampaignProgress progress, ApiOptions options, TimeProvider clock, CancellationToken cancellation)
    {
        if (CampaignRequestBody.FormatOf(context.Request) is not { } format)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Unsupported media type",
                detail: $"send the campaign as {string.Join(", ", CampaignRequestBody.MediaTypes)} (got '{context.Request.ContentType}')");
        }

        var errors = new ValidationErrors();
        using var document = await CampaignRequestBody.ReadAsync(context.Request, format, errors, cancellation);
        var submission = document is null ? null : CampaignSubmission.Read(document.RootElement, errors, options.ChildLimits);
        if (submission is null)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary(), title: "Invalid campaign",
                detail: "the campaign was not created: every offending field is listed in errors");
        }

        var now = clock.GetUtcNow();
        var id = submission.Id ?? $"{Slug(submission.Spec.Name)}-{now:yyyyMMdd-HHmmss}-{Guid.NewGuid().ToString("N")[..6]}";
        var campaign = new Campaign(id, submission.Spec.Name, CampaignSpecWriter.ToJson(submission.Spec), submission.Settings.ToJson(),
            submission.Seed, CampaignStatus.Running, now, ApiCaller.From(context.User)!.KeyId);
        try
        {
            await store.CreateCampaignAsync(campaign, cancellation);
        }
        catch (DuplicateCampaignException)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Campaign exists",
                detail: $"a campaign with id '{id}' already exists: choose another id or leave it out");
        }

        return TypedResults.Created($"{ApiEndpoints.V1}/campaigns/{Uri.EscapeDataString(id)}", await progress.DescribeAsync(campaign, cancellation));
    }

    private static async Task<Results<Ok<CampaignResponse>, ProblemHttpResult>> CancelAsync(string id, HttpContext context, ICampaignStore store,
        CampaignProgress progress, TimeProvider clock, CancellationToken cancellation)
    {
        var campaign = await CampaignAccess.FindAsync(context, store, id);
        if (campaign is null)
        {
            return NotFound(id);
        }

        if (campaign.Status is CampaignStatus.Completed or CampaignStatus.Failed)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Campaign finished",
                detail: $"campaign '{id}' is already {campaign.Status.ToString().ToLowerInvariant()}: there is nothing to cancel");
        }

        if (campaign.Status != CampaignStatus.Cancelled)
        {
            campaign = await store.UpdateCampaignStatusAsync(id, CampaignStatus.Cancelled, cancellation);
            await store.AppendEventAsync(id, "cancelled", $"cancelled by API key {ApiCaller.From(context.User)!.KeyId}", clock.GetUtcNow(), cancellation);
        }

        return TypedResults.Ok(await progress.DescribeAsync(campaign, cancellation));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(string id, HttpContext context, ICampaignStore store,
        CancellationToken cancellation)
    {
        var campaign = await CampaignAccess.FindAsync(context, store, id);
        if (campaign is null)
        {
            return NotFound(id);
        }

        if (campaign.Status is CampaignStatus.Running)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Campaign running",
                detail: $"campaign '{id}' is running: cancel it first (POST {ApiEndpoints.V1}/campaigns/{id}/cancel)");
        }

        return await store.DeleteCampaignAsync(id, cancellation) ? TypedResults.NoContent() : NotFound(id);
    }

    private static ProblemHttpResult NotFound(string id) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Campaign not found", detail: $"no campaign '{id}'");

    /// <summary>A spec's name as the start of an id: only the characters ids allow, at most 40 of them.</summary>
    private static string Slug(string name)
    {
        var slug = NotIdCharacters().Replace(name, "-").Trim('-', '.', '_');
        return slug.Length == 0 ? "campaign" : slug[..Math.Min(slug.Length, 40)];
    }

    [GeneratedRegex("[^A-Za-z0-9._-]+")]
    private static partial Regex NotIdCharacters();
}
