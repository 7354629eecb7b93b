using Mnas.Grains.Campaigns;
using Mnas.SearchSpace.Predictor;
using Mnas.SearchSpace.Space;
using Mnas.SearchSpace.Spec;
using Mnas.Store;
using Mnas.Strategies.Fbnetv3;
using Mnas.Workers.Latency;

namespace Mnas.Grains.Fbnetv3;

/// <summary>
/// Asks an FBNetV3 campaign (finished or running) for the best architecture–recipe pairs under other constraints: its
/// fine stage runs again with the predictor of its latest checkpoint, costing architectures by the latency table the
/// campaign measured. Nothing trains and nothing is timed: a candidate with an operator the table lacks is skipped.
/// </summary>
public static class CampaignRequery
{
    /// <exception cref="KeyNotFoundException">The store has no campaign <paramref name="campaignId"/>.</exception>
    /// <exception cref="InvalidOperationException">The campaign is not an fbnetv3 one, or has no fitted predictor yet (no checkpoint, or its coarse stage measured no child yet).</exception>
    /// <exception cref="ArgumentException">The constraints are not valid, naming the field.</exception>
    public static async Task<RequeryResult> RunAsync(ICampaignStore store, string campaignId, PairConstraints constraints, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(constraints);
        var campaign = await store.GetCampaignAsync(campaignId, cancellation)
            ?? throw new KeyNotFoundException($"campaign: no campaign '{campaignId}'");
        var strategy = CampaignSettings.StrategyOf(campaign.Strategy);
        if (!PredictorStrategies.SearchesRecipes(strategy))
        {
            throw new InvalidOperationException(
                $"campaign {campaign.Id} searched with strategy {strategy}: only an {PredictorStrategies.Fbnetv3} campaign has a predictor to ask again");
        }
        var checkpoint = await store.GetLatestCheckpointAsync(campaign.Id, cancellation)
            ?? throw new InvalidOperationException($"campaign {campaign.Id} has no predictor yet: it has not finished a step of its search");
        var spec = CampaignSpecLoader.FromJson(campaign.SpecJson, $"campaign {campaign.Id}");
        var space = new ModelSpace(spec);
        var table = await store.GetLatencyTableAsync(campaign.Id, cancellation);
        return await Fbnetv3Requery.RunAsync(space, spec, CheckpointEnvelope.StrategyStateOf(checkpoint.State), constraints, Costs, unchecked((ulong)campaign.Seed),
            cancellation);

        ValueTask<IReadOnlyList<ArchitectureCosts?>> Costs(IReadOnlyList<Sample> samples, CancellationToken _) =>
            ValueTask.FromResult<IReadOnlyList<ArchitectureCosts?>>(samples.Select(sample =>
            {
                var view = space.Freeze(sample);
                return LookupCosts.Of(view, NetworkOperators.Keys(view), table);
            }).ToList());
    }
}
