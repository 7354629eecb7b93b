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
            // Cancelled while it was being opened: the store keeps the cancellation, and the campaign does not run.
            if ((await store.UpdateCampaignStatusAsync(campaignId, CampaignStatus.Running, cancellation)).Status is CampaignStatus.Cancelled)
            {
                logger.LogInformation("campaign {Campaign}: cancelled before it started", campaignId);
                return campaign with { Status = CampaignStatus.Cancelled };
            }
            logger.LogInformation("campaign {Campaign}: {Action} with strategy {Strategy}", campaignId,
                engine.RestoredState == null ? "starting" : "resuming", strategy.Name);
            await strategy.RunAsync(engine.Space, engine, engine.RestoredState, cancellation);
            // Cancelled meanwhile (over the API): the store keeps the cancellation.
            var finished = await store.UpdateCampaignStatusAsync(campaignId, CampaignStatus.Completed, cancellation);
            if (finished.Status is CampaignStatus.Cancelled)
            {
                logger.LogInformation("campaign {Campaign}: budget spent, but it was cancelled meanwhile", campaignId);
                return campaign with { Status = CampaignStatus.Cancelled };
            }

            logger.LogInformation("campaign {Campaign}: budget spent, completed", campaignId);
            return campaign with { Status = CampaignStatus.Completed };
        }
        finally
        {
            registry.Unregister(campaignId);
        }
    }
}
