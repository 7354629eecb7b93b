using System.CommandLine;
using Mnas.Api.Health;
using Mnas.Grains.Hosting;

namespace Mnas.Host.Commands;

/// <summary>
/// <c>mnas controller</c>: a controller silo of a cluster. It hosts campaign grains and the directory of workers;
/// several may run, and Orleans keeps one activation of each campaign among them. Each wakes every campaign the store
/// has running (and those submitted later); when a controller dies, its campaigns come back on another from their last
/// checkpoints. Needs the postgres store, whose database also holds the cluster's membership and reminders.
/// </summary>
internal static class ControllerCommand
{
    public static Command Create()
    {
        var settingsOptions = new SettingsOptions();
        var command = new Command("controller", "Run a controller silo of a cluster (campaigns and the directory of workers) until stopped");
        settingsOptions.AddTo(command);
        command.SetAction((result, cancellation) => CommandErrors.RunAsync(async () =>
        {
            var settings = settingsOptions.Load(result);
            ClusterRoles.ThrowUnlessClustered(settings, "controller", needsStore: true);
            var runtime = settings.Runtime with { Workers = 0, Coordinates = true };
            using var stop = new StopSignal(cancellation);
            await using var management = ManagementRole.Prepare(settings);
            await using var host = await CommandErrors.StartingAsync("the controller silo", () => CampaignHost.StartAsync(runtime,
                openStore: token => CampaignSession.OpenStoreAsync(settings, runtime.DataDirectory, token), cancellation: cancellation,
                cluster: settings.Cluster, keepCampaigns: true));
            await management.StartAsync(() => !stop.Token.IsCancellationRequested, [new StoreReadinessProbe(host.Store), new ClusterReadinessProbe(host.Grains)],
                stop.Token);
            Console.WriteLine($"controller: silo port {host.Cluster.SiloPort}, gateway port {host.Cluster.GatewayPort}; ready");
            await ClusterRoles.WaitAsync(stop.Token);
            Console.WriteLine("controller: stopping, handing campaigns over");
            return 0;
        }));
        return command;
    }
}
