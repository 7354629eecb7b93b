using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Mnas.Api.Campaigns;
using Mnas.Campaigns;
using Mnas.Grains;
using Mnas.SearchSpace.Spec;
using Mnas.SearchSpace.Supernet;
using Mnas.SearchSpace.Validation;
using Mnas.Store;

namespace Mnas.Api.Supernet;

/// <summary>
/// <c>GET /campaigns/{id}/supernet</c>: the supernet of a campaign that trains one — fbnet and fbnetv2 (differentiable),
/// bn-nas (single-path, searched by its BN indicator) — its progress, every epoch's loss, τ, expected latency and P_θ (for
/// bn-nas its BN indicator and ranking distance too), once trained its posterior, and for bn-nas the evolution searched
/// over it. A campaign the caller may not see is 404 as everywhere; so is one whose strategy trains no supernet, with a
/// problem saying so.
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
        if (settings is not { SearchesSupernet: true })
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No supernet",
                detail: settings is null
                    ? $"campaign '{id}' has settings this version cannot read: no supernet to show"
                    : $"campaign '{id}' runs the {settings.Strategy} strategy, which trains no supernet " +
                        $"({SupernetStrategies.Fbnet}, {SupernetStrategies.Fbnetv2} and {SupernetStrategies.BnNas} do)");
        }

        var cancellation = context.RequestAborted;
        var record = await store.GetSupernetAsync(id, cancellation);
        var epochs = record is null ? [] : await store.ListSupernetEpochsAsync(id, cancellation);
        var posterior = Posterior(record);
        var spec = Spec(campaign);
        var channels = settings.Strategy == SupernetStrategies.Fbnetv2;
        return TypedResults.Ok(new SupernetResponse(
            settings.Strategy,
            (spec is null ? null : SupernetStrategies.Candidates(spec, settings.Strategy)) ?? posterior?.Candidates ?? [],
            channels ? spec?.Dnas.Widths ?? posterior?.Widths : null,
            channels ? spec?.Dnas.Resolutions ?? posterior?.Resolutions : null,
            record?.Attempts ?? 0,
            spec is null ? null : SupernetStrategies.Epochs(spec, settings.Strategy),
            record?.EpochsDone ?? 0,
            record?.Trained ?? false,
            epochs.Select(Item).ToList(),
            posterior,
            Evolution(record)));
    }

    private static SupernetEpochItem Item(SupernetEpochRecord e) =>
        new(e.Epoch, e.Attempt, e.Temperature, e.Loss, e.CrossEntropy, e.ThetaTrained, e.ExpectedLatencyMs, e.Distributions,
            e.WidthDistributions, e.ResolutionDistribution, e.Seconds, e.At, e.Scores, e.RankingDistance);

    // A campaign recorded by another version may hold a spec this one cannot read: its supernet is still shown, with the
    // candidates of its posterior when it has one.
    private static CampaignSpec? Spec(Campaign campaign)
    {
        try
        {
            return CampaignSpecLoader.FromJson(campaign.SpecJson);
        }
        catch (SpecException)
        {
            return null;
        }
    }

    private static SupernetEvolutionItem? Evolution(SupernetRecord? record)
    {
        if (record?.EvolutionJson is not { } json)
        {
            return null;
        }

        try
        {
            var evolution = SupernetEvolution.FromJson(json);
            return new SupernetEvolutionItem(
                evolution.Iterations.Select(i => new EvolutionIterationItem(i.Iteration, i.BestScore, i.MeanScore, i.Feasible)).ToList(),
                evolution.Chosen.Select(c => new EvolvedSubnetItem(c.Architecture, c.Score, Cost(c.Costs))).ToList());
        }
        catch (Exception e) when (e is JsonException or InvalidDataException)
        {
            return null;
        }
    }

    private static SupernetCostItem Cost(SupernetLayerCost c) => new(c.LatencyMs, c.Params, c.Macs, c.PeakActivationBytes);

    private static SupernetCostsItem? Costs(SupernetCosts? costs) => costs is null
        ? null
        : new SupernetCostsItem(Cost(costs.Fixed), costs.Layers.Select(l => (IReadOnlyList<SupernetCostItem?>)l.Select(c => c is null ? null : Cost(c)).ToList()).ToList());

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
                p.ExpectedLatencyMs, p.Epochs, p.Scores, Costs(p.Costs));
        }
        catch (Exception e) when (e is JsonException or InvalidDataException)
        {
            return null;
        }
    }
}
