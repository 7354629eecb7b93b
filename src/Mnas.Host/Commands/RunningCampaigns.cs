using Mnas.Campaigns;
using Mnas.Grains;
using Mnas.Grains.Hosting;

namespace Mnas.Host.Commands;

/// <summary>
/// A coordinator's work: runs every campaign marked running in the store — from its last checkpoint — and those
/// submitted later, until its term ends. A campaign left unfinished stays running for the next coordinator. A campaign
/// that stops on an error (the database gone for longer than the store's retries, say) is opened again from its last
/// checkpoint after a growing pause, and the store going away does not end the term.
/// </summary>
/// <param name="role">Starts each line it prints (<c>controller</c>, <c>serve</c>).</param>
internal sealed class RunningCampaigns(CampaignHost host, string role)
{
    private static readonly TimeSpan Poll = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan FirstPause = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan LongestPause = TimeSpan.FromMinutes(5);

    public async Task RunAsync(CancellationToken term)
    {
        var runs = new Dictionary<string, Task>(StringComparer.Ordinal);
        try
        {
            // Two heartbeats first: workers report the children they still run, which the campaigns then adopt.
            await Task.Delay(2 * host.Options.HeartbeatInterval, term);
            while (!term.IsCancellationRequested)
            {
                foreach (var campaign in await RunningAsync(term))
                {
                    if (!runs.ContainsKey(campaign.Id))
                    {
                        runs[campaign.Id] = RunUntilStoppedAsync(campaign, term);
                    }
                }

                await Task.Delay(Poll, term);
            }
        }
        catch (OperationCanceledException) when (term.IsCancellationRequested)
        {
        }

        await Task.WhenAll(runs.Values);
    }

    private async Task<IReadOnlyList<Campaign>> RunningAsync(CancellationToken term)
    {
        try
        {
            return (await host.Store.ListCampaignsAsync(term)).Where(c => c.Status == CampaignStatus.Running).ToList();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            Console.Error.WriteLine($"{role}: the store cannot list campaigns now ({e.GetType().Name}: {e.Message}); trying again");
            return [];
        }
    }

    /// <summary>Runs the campaign until it completes or the term ends, opening it again after each error.</summary>
    private async Task RunUntilStoppedAsync(Campaign campaign, CancellationToken term)
    {
        var pause = FirstPause;
        while (!term.IsCancellationRequested)
        {
            try
            {
                var settings = CampaignSettings.FromJson(campaign.Strategy);
                Console.WriteLine($"{role}: running campaign {campaign.Id}");
                await host.Runner.RunAsync(campaign.Id, StrategyFactory.Create(settings, campaign.Seed), settings.Budget, cancellation: term);
                Console.WriteLine($"{role}: campaign {campaign.Id} completed");
                return;
            }
            catch (OperationCanceledException) when (term.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                Console.Error.WriteLine($"{role}: campaign {campaign.Id} stopped: {e.GetType().Name}: {e.Message}; " +
                    $"opening it again from its last checkpoint in {pause.TotalSeconds:0} s");
            }

            try
            {
                await Task.Delay(pause, term);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            pause = pause * 2 < LongestPause ? pause * 2 : LongestPause;
            if (!await StillRunningAsync(campaign.Id, term))
            {
                return;
            }
        }
    }

    /// <summary>Whether the campaign is still marked running (true too when the store cannot say now: the next try finds out).</summary>
    private async Task<bool> StillRunningAsync(string campaignId, CancellationToken term)
    {
        try
        {
            return (await host.Store.GetCampaignAsync(campaignId, term))?.Status == CampaignStatus.Running;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return true;
        }
    }
}
