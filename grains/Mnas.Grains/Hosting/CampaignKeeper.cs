using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Mnas.Campaigns;
using Mnas.Grains.Contracts;
using Mnas.Store;

namespace Mnas.Grains.Hosting;

/// <summary>
/// On each controller silo: wakes every campaign the store has running, every poll. Campaigns submitted later start
/// within a poll, and a campaign whose silo died is running again on another within a poll of the cluster declaring
/// it dead (its reminder would wake it too, later). Waking a campaign that runs is a no-op.
/// </summary>
public sealed class CampaignKeeper(ICampaignStore store, IGrainFactory grains, ILogger<CampaignKeeper> logger) : BackgroundService
{
    private static readonly TimeSpan Poll = TimeSpan.FromSeconds(2);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Poll);
        do
        {
            try
            {
                var running = (await store.ListCampaignsAsync(stoppingToken)).Where(c => c.Status == CampaignStatus.Running);
                await Task.WhenAll(running.Select(c => grains.GetGrain<ICampaignGrain>(c.Id).Wake()));
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning("the running campaigns could not be woken now ({Error}); trying again", e.Message);
            }
        }
        while (await WaitAsync(timer, stoppingToken));
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken stoppingToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(stoppingToken);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
