using Mnas.Campaigns;
using Mnas.Grains.Campaigns;
using Mnas.Grains.Contracts;
using Mnas.Strategies;

namespace Mnas.Grains.Hosting;

/// <summary>
/// Runs (or resumes) one campaign from this process with a strategy of its own, until its budget is spent: its grain
/// runs it, and this waits for the end. Cancelling stops the run as a dying silo would, leaving the store as it was.
/// </summary>
public sealed class CampaignRunner(IGrainFactory grains, CampaignLaunches launches)
{
    public async Task<Campaign> RunAsync(string campaignId, ISearchStrategy strategy, CampaignBudget budget, TimeProvider? clock = null,
        CancellationToken cancellation = default)
    {
        var launch = new CampaignLaunch(strategy, budget, clock);
        launches.Add(campaignId, launch);
        var grain = grains.GetGrain<ICampaignGrain>(campaignId);
        try
        {
            await grain.Wake();
            return await launch.Done.WaitAsync(cancellation);
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            // Withdrawn first: a worker's report arriving meanwhile must not wake the campaign into this spent launch.
            launches.Remove(campaignId, launch);
            await grain.Abandon();
            throw;
        }
        finally
        {
            launches.Remove(campaignId, launch);
        }
    }
}
