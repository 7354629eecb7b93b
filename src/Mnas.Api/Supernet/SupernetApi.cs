using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Mnas.Api.Campaigns;
using Mnas.Campaigns;
using Mnas.SearchSpace.Spec;
using Mnas.SearchSpace.Supernet;
using Mnas.SearchSpace.Validation;
using Mnas.Store;

namespace Mnas.Api.Supernet;

/// <summary>
/// <c>GET /campaigns/{id}/supernet</c>: the supernet of a differentiable campaign (fbnet, fbnetv2) — its progress, every
/// epoch's loss, τ, expected latency and P_θ, and once trained its posterior. A campaign the caller may not see is 404 as
/// everywhere; so is one whose strategy trains no supernet, with a problem saying so.
/// </summary>
public static class SupernetApi
{
    public static IEndpointRouteBuilder MapSupernetApi(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/campaigns/{id}/supernet", GetAsync);
        return routes;
    }

    private static async Task<Results<Ok<SupernetResponse>, ProblemHttpResult>> GetAsync(string id, HttpContext context, ICampaignStore store)
    {
        var campaign = await CampaignLookup.FindAsync(context, store, id);
        if (campaign is null)
        {
            return CampaignLookup.NotFound(id);
        }

        var settings = CampaignProgress.ReadSettings(campaign);
        if (settings is not { Differentiable: true })
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No supernet",
                detail: settings is null
                    ? $"campaign '{id}' has settings this version cannot read: no supernet to show"
                    : $"campaign '{id}' runs the {settings.Strategy} strategy, which trains no supernet (fbnet and fbnetv2 do)");
        }

        var cancellation = context.RequestAborted;
        var record = await store.GetSupernetAsync(id, cancellation);
        var epochs = record is null ? [] : await store.ListSupernetEpochsAsync(id, cancellation);
        var posterior = Posterior(record);
        var dnas = Dnas(campaign);
        var channels = settings.Strategy == "fbnetv2";
        return TypedResults.Ok(new SupernetResponse(
            settings.Strategy,
            dnas?.Candidates ?? posterior?.Candidates ?? [],
            channels ? dnas?.Widths ?? posterior?.Widths : null,
            channels ? dnas?.Resolutions ?? posterior?.Resolutions : null,
            record?.Attempts ?? 0,
            dnas?.Epochs,
            record?.EpochsDone ?? 0,
            record?.Trained ?? false,
            epochs.Select(Item).ToList(),
            posterior));
    }

    private static SupernetEpochItem Item(SupernetEpochRecord e) =>
        new(e.Epoch, e.Attempt, e.Temperature, e.Loss, e.CrossEntropy, e.ThetaTrained, e.ExpectedLatencyMs, e.Distributions,
            e.WidthDistributions, e.ResolutionDistribution, e.Seconds, e.At);

    // A campaign recorded by another version may hold a spec this one cannot read: its supernet is still shown, with the
    // candidates of its posterior when it has one.
    private static DnasSpec? Dnas(Campaign campaign)
    {
        try
        {
            return CampaignSpecLoader.FromJson(campaign.SpecJson).Dnas;
        }
        catch (SpecException)
        {
            return null;
        }
    }

    private static SupernetPosteriorItem? Posterior(SupernetRecord? record)
    {
        if (record?.PosteriorJson is not { } json)
        {
            return null;
        }

        try
        {
            var p = SupernetPosterior.FromJson(json);
            return new SupernetPosteriorItem(p.Candidates, p.Distributions, p.Widths, p.WidthDistributions, p.Resolutions, p.ResolutionDistribution,
                p.ExpectedLatencyMs, p.Epochs);
        }
        catch (Exception e) when (e is JsonException or InvalidDataException)
        {
            return null;
        }
    }
}
