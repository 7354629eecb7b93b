using Microsoft.Extensions.Logging;
using Mnas.Campaigns;
using Mnas.Store;
using Mnas.Strategies;

namespace Mnas.Grains.Coordinator;

/// <summary>Runs (or resumes) one campaign in this process until its budget is spent.</summary>
public sealed class CampaignRunner(ICampaignStore store, IChildDispatcher dispatcher, WorkerPool pool, CampaignRegistry registry,
    RuntimeOptions options, ILogger<CampaignEngine> logger)
{
    public async Task<Campaign> RunAsync(string campaignId, ISearchStrategy strategy, CampaignBudget budget, TimeProvider? clock = null,
        CancellationToken cancellation = default)
    {
        var campaign = await store.GetCampaignAsync(campaignId, cancellation)
            ?? throw new ArgumentException($"campaign: no campaign '{campaignId}' in the store", nameof(campaignId));
        if (pool.LiveSlots == 0)
        {
            logger.LogInformation("campaign {Campaign}: waiting for a worker", campaignId);
            await pool.WaitForWorkersAsync(cancellation);
        }
        var engine = await CampaignEngine.OpenAsync(campaign, store, dispatcher, pool, options, budget, clock, registry.Register, logger, cancellation);
        try
        {
            await store.UpdateCampaignStatusAsync(campaignId, CampaignStatus.Running, cancellation);
            logger.LogInformation("campaign {Campaign}: {Action} with strategy {Strategy}", campaignId,
                engine.RestoredState == null ? "starting" : "resuming", strategy.Name);
            await strategy.RunAsync(engine.Space, engine, engine.RestoredState, cancellation);
            // Cancelled meanwhile (over the API): the campaign keeps the status it was given.
            if ((await store.GetCampaignAsync(campaignId, cancellation))?.Status is CampaignStatus.Cancelled)
            {
                logger.LogInformation("campaign {Campaign}: budget spent, but it was cancelled meanwhile", campaignId);
                return campaign with { Status = CampaignStatus.Cancelled };
            }

            logger.LogInformation("campaign {Campaign}: budget spent, completed", campaignId);
            await store.UpdateCampaignStatusAsync(campaignId, CampaignStatus.Completed, cancellation);
            return campaign with { Status = CampaignStatus.Completed };
        }
        finally
        {
            registry.Unregister(campaignId);
        }
    }
}
