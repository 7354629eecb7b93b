using System.CommandLine;
using Mnas.Api.Health;
using Mnas.Grains;
using Mnas.Grains.Hosting;
using Mnas.Host.Configuration;

namespace Mnas.Host.Commands;

/// <summary>
/// <c>mnas controller</c>: a coordinator of a cluster. Several may run; the one holding the store's leadership lock
/// runs every campaign marked running (and those submitted later) from their last checkpoints, the others wait. When
/// the leader dies or loses the database, a standby takes over. Needs the rabbitmq transport and the postgres store.
/// </summary>
internal static class ControllerCommand
{
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
            await using var management = ManagementRole.Prepare(settings);
            await using var store = new OpeningStoreReadinessProbe(token => CampaignSession.OpenStoreAsync(settings, settings.Runtime.DataDirectory, token));
            await using var broker = new BrokerReadinessProbe(settings.Runtime.RabbitMq);
            Task? leadership = null;
            await management.StartAsync(() => leadership is { IsCompleted: false }, [store, broker], stop.Token);
            leadership = CoordinatorLeadership.RunAsync(settings, "controller", term => CoordinateAsync(settings, term), stop.Token);
            await leadership;
            return 0;
        }));
        return command;
    }

    /// <summary>A coordinator without a worker of its own, for one term of leadership.</summary>
    private static async Task CoordinateAsync(HostSettings settings, CancellationToken term)
    {
        var runtime = settings.Runtime with { Workers = 0 };
        await using var host = await CampaignHost.StartAsync(runtime, openStore: token => CampaignSession.OpenStoreAsync(settings, runtime.DataDirectory, token),
            cancellation: term);
        await new RunningCampaigns(host, "controller").RunAsync(term);
    }
}
