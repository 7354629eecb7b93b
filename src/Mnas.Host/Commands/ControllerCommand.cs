using System.CommandLine;
using Mnas.Campaigns;
using Mnas.Grains;
using Mnas.Grains.Hosting;
using Mnas.Host.Configuration;
using Mnas.Store.Postgres;

namespace Mnas.Host.Commands;

/// <summary>
/// <c>mnas controller</c>: a coordinator of a cluster. Several may run; the one holding the store's leadership lock
/// runs every campaign marked running (and those submitted later) from their last checkpoints, the others wait. When
/// the leader dies or loses the database, a standby takes over. Needs the rabbitmq transport and the postgres store.
/// </summary>
internal static class ControllerCommand
{
    private static readonly TimeSpan Poll = TimeSpan.FromSeconds(1);

    public static Command Create()
    {
        var settingsOptions = new SettingsOptions();
        var command = new Command("controller", "Coordinate a cluster's campaigns (one leader, the others on standby) until stopped");
        settingsOptions.AddTo(command);
        command.SetAction((result, cancellation) => CommandErrors.RunAsync(async () =>
        {
            var settings = settingsOptions.Load(result);
            if (settings.Postgres is null || settings.Runtime.Transport != RuntimeTransports.RabbitMq)
            {
                throw new SettingsException([$"store: mnas controller needs store postgres and transport rabbitmq (got {settings.Store}, {settings.Runtime.Transport})"]);
            }
            using var stop = new StopSignal(cancellation);
            var leadership = new PostgresLeadership(settings.Postgres, "coordinator");
            while (!stop.Token.IsCancellationRequested)
            {
                Console.WriteLine("controller: standby, waiting to lead");
                LeadershipTerm lease;
                try
                {
                    lease = await leadership.AcquireAsync(stop.Token);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
                await using (lease)
                {
                    Console.WriteLine("controller: leading");
                    await LeadAsync(settings, lease, stop.Token);
                    Console.WriteLine(lease.Lost.IsCancellationRequested ? "controller: lost the lead" : "controller: stepping down");
                }
            }
            return 0;
        }));
        return command;
    }

    /// <summary>Runs the running campaigns until the term ends or the process stops; a campaign left unfinished stays running for the next leader.</summary>
    private static async Task LeadAsync(HostSettings settings, LeadershipTerm lease, CancellationToken stop)
    {
        using var lead = CancellationTokenSource.CreateLinkedTokenSource(stop, lease.Lost);
        var runtime = settings.Runtime with { Workers = 0 };
        await using var host = await CampaignHost.StartAsync(runtime, openStore: token => CampaignSession.OpenStoreAsync(settings, runtime.DataDirectory, token),
            cancellation: lead.Token);
        var runs = new Dictionary<string, Task>(StringComparer.Ordinal);
        try
        {
            // Two heartbeats first: workers report the children they still run, which the campaigns then adopt.
            await Task.Delay(2 * runtime.HeartbeatInterval, lead.Token);
            while (!lead.IsCancellationRequested)
            {
                foreach (var campaign in await host.Store.ListCampaignsAsync(lead.Token))
                {
                    if (campaign.Status == CampaignStatus.Running && !runs.ContainsKey(campaign.Id))
                    {
                        runs[campaign.Id] = RunAsync(host, campaign, lead.Token);
                    }
                }
                await Task.Delay(Poll, lead.Token);
            }
        }
        catch (OperationCanceledException) when (lead.IsCancellationRequested)
        {
        }
        await Task.WhenAll(runs.Values);
    }

    private static async Task RunAsync(CampaignHost host, Campaign campaign, CancellationToken lead)
    {
        try
        {
            var settings = CampaignSettings.FromJson(campaign.Strategy);
            Console.WriteLine($"controller: running campaign {campaign.Id}");
            await host.Runner.RunAsync(campaign.Id, StrategyFactory.Create(settings, campaign.Seed), settings.Budget, cancellation: lead);
            Console.WriteLine($"controller: campaign {campaign.Id} completed");
        }
        catch (OperationCanceledException) when (lead.IsCancellationRequested)
        {
        }
        catch (Exception e)
        {
            // Not retried in this term: a campaign that cannot run says why once, and the others go on.
            Console.Error.WriteLine($"controller: campaign {campaign.Id} stopped: {e.GetType().Name}: {e.Message}");
        }
    }
}
