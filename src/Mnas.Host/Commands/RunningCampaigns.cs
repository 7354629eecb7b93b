using Mnas.Campaigns;
using Mnas.Grains;
using Mnas.Grains.Hosting;

namespace Mnas.Host.Commands;

/// <summary>
/// A coordinator's work: runs every campaign marked running in the store — from its last checkpoint — and those
/// submitted later, until its term ends. A campaign left unfinished stays running for the next coordinator.
/// </summary>
/// <param name="role">Starts each line it prints (<c>controller</c>, <c>serve</c>).</param>
internal sealed class RunningCampaigns(CampaignHost host, string role)
{
    private static readonly TimeSpan Poll = TimeSpan.FromSeconds(1);

    public async Task RunAsync(CancellationToken term)
    {
        var runs = new Dictionary<string, Task>(StringComparer.Ordinal);
        try
        {
            // Two heartbeats first: workers report the children they still run, which the campaigns then adopt.
            await Task.Delay(2 * host.Options.HeartbeatInterval, term);
            while (!term.IsCancellationRequested)
            {
                foreach (var campaign in await host.Store.ListCampaignsAsync(term))
                {
                    if (campaign.Status == CampaignStatus.Running && !runs.ContainsKey(campaign.Id))
                    {
                        runs[campaign.Id] = RunAsync(campaign, term);
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

    private async Task RunAsync(Campaign campaign, CancellationToken term)
    {
        try
        {
            var settings = CampaignSettings.FromJson(campaign.Strategy);
            Console.WriteLine($"{role}: running campaign {campaign.Id}");
            await host.Runner.RunAsync(campaign.Id, StrategyFactory.Create(settings, campaign.Seed), settings.Budget, cancellation: term);
            Console.WriteLine($"{role}: campaign {campaign.Id} completed");
        }
        catch (OperationCanceledException) when (term.IsCancellationRequested)
        {
        }
        catch (Exception e)
        {
            // Not retried in this term: a campaign that cannot run says why once, and the others go on.
            Console.Error.WriteLine($"{role}: campaign {campaign.Id} stopped: {e.GetType().Name}: {e.Message}");
        }
    }
}
