using Mnas.Campaigns;
using Mnas.Grains;
using Mnas.Grains.Hosting;

namespace Mnas.Host.Commands;

/// <summary>
/// A coordinator's work: runs every campaign marked running in the store — from its last checkpoint — and those
/// submitted later, until its term ends. A campaign left unfinished stays running for the next coordinator. A campaign
/// that stops on an error (the database gone for longer than the store's retries, say) is opened again from its last
/// checkpoint after a growing pause, and the store going away does not end the term. A campaign whose status stops
/// being running (cancelled over the API) is stopped within a poll, its status left as it was set.
/// </summary>
/// <param name="role">Starts each line it prints (<c>controller</c>, <c>serve</c>).</param>
internal sealed class RunningCampaigns(CampaignHost host, string role)
{
    private static readonly TimeSpan Poll = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan FirstPause = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan LongestPause = TimeSpan.FromMinutes(5);

    public async Task RunAsync(CancellationToken term)
    {
        var runs = new Dictionary<string, (Task Run, CancellationTokenSource Stop)>(StringComparer.Ordinal);
        try
        {
            // Two heartbeats first: workers report the children they still run, which the campaigns then adopt.
            await Task.Delay(2 * host.Options.HeartbeatInterval, term);
            while (!term.IsCancellationRequested)
            {
                if (await RunningAsync(term) is { } running)
                {
                    foreach (var campaign in running.Where(c => !runs.ContainsKey(c.Id)))
                    {
                        var stop = CancellationTokenSource.CreateLinkedTokenSource(term);
                        runs[campaign.Id] = (RunUntilStoppedAsync(campaign, stop.Token, term), stop);
                    }

                    StopThoseNoLongerRunning(runs, running.Select(c => c.Id).ToHashSet(StringComparer.Ordinal));
                }

                await Task.Delay(Poll, term);
            }
        }
        catch (OperationCanceledException) when (term.IsCancellationRequested)
        {
        }

        await Task.WhenAll(runs.Values.Select(r => r.Run));
        foreach (var (_, stop) in runs.Values)
        {
            stop.Dispose();
        }
    }

    /// <summary>
    /// Stops the run of each campaign no longer marked running, and forgets the runs that have ended, so a campaign
    /// marked running again is run again.
    /// </summary>
    private static void StopThoseNoLongerRunning(Dictionary<string, (Task Run, CancellationTokenSource Stop)> runs, HashSet<string> running)
    {
        foreach (var (id, (run, stop)) in runs.Where(r => !running.Contains(r.Key)).ToList())
        {
            if (run.IsCompleted)
            {
                runs.Remove(id);
                stop.Dispose();
            }
            else if (!stop.IsCancellationRequested)
            {
                stop.Cancel();
            }
        }
    }

    /// <summary>The campaigns marked running, or null when the store cannot say now.</summary>
    private async Task<IReadOnlyList<Campaign>?> RunningAsync(CancellationToken term)
    {
        try
        {
            return (await host.Store.ListCampaignsAsync(term)).Where(c => c.Status == CampaignStatus.Running).ToList();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            Console.Error.WriteLine($"{role}: the store cannot list campaigns now ({e.GetType().Name}: {e.Message}); trying again");
            return null;
        }
    }

    /// <summary>
    /// Runs the campaign until it completes, the term ends or <paramref name="stop"/> (the campaign is no longer marked
    /// running) fires, opening it again after each error.
    /// </summary>
    private async Task RunUntilStoppedAsync(Campaign campaign, CancellationToken stop, CancellationToken term)
    {
        var pause = FirstPause;
        while (!stop.IsCancellationRequested)
        {
            try
            {
                var settings = CampaignSettings.FromJson(campaign.Strategy);
                Console.WriteLine($"{role}: running campaign {campaign.Id}");
                await host.Runner.RunAsync(campaign.Id, StrategyFactory.Create(settings, campaign.Seed), settings.Budget, cancellation: stop);
                Console.WriteLine($"{role}: campaign {campaign.Id} completed");
                return;
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                if (!term.IsCancellationRequested)
                {
                    Console.WriteLine($"{role}: campaign {campaign.Id} stopped: no longer marked running");
                }

                return;
            }
            catch (Exception e)
            {
                Console.Error.WriteLine($"{role}: campaign {campaign.Id} stopped: {e.GetType().Name}: {e.Message}; " +
                    $"opening it again from its last checkpoint in {pause.TotalSeconds:0} s");
            }

            try
            {
                await Task.Delay(pause, stop);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            pause = pause * 2 < LongestPause ? pause * 2 : LongestPause;
            if (!await StillRunningAsync(campaign.Id, stop))
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
