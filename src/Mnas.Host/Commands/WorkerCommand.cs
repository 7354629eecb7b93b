using System.CommandLine;
using Mnas.Api.Health;
using Mnas.Grains.Hosting;

namespace Mnas.Host.Commands;

/// <summary>
/// <c>mnas worker</c>: a worker silo of a cluster. Its silo joins the cluster (membership in PostgreSQL) with its device
/// class, device and slots as silo metadata; its worker announces itself to the directory, trains and measures the
/// children assigned to it, and on SIGTERM or Ctrl+C stops between steps and hands its children back (no attempt is
/// counted) before its silo leaves. Settings come from <c>--config</c>, <c>MNAS_*</c> and <c>--set</c>.
/// </summary>
internal static class WorkerCommand
{
    public static Command Create()
    {
        var settingsOptions = new SettingsOptions();
        var slots = new Option<int?>("--slots") { Description = "children trained at once (default: worker.slots, 1)" };
        var deviceClass = new Option<string?>("--device-class") { Description = "the class latency is measured for (default: worker.device_class, cpu)" };
        var command = new Command("worker", "Run a worker silo of a cluster until stopped") { slots, deviceClass };
        settingsOptions.AddTo(command);
        command.SetAction((result, cancellation) => CommandErrors.RunAsync(async () =>
        {
            var settings = settingsOptions.Load(result);
            ClusterRoles.ThrowUnlessClustered(settings, "worker", needsStore: false);
            var runtime = settings.Runtime with
            {
                Coordinates = false,
                Workers = result.GetValue(slots) ?? settings.Runtime.Workers,
                DeviceClass = result.GetValue(deviceClass) ?? settings.Runtime.DeviceClass,
            };
            using var stop = new StopSignal(cancellation);
            await using var management = ManagementRole.Prepare(settings);
            await using var host = await CommandErrors.StartingAsync("the worker silo",
                () => CampaignHost.StartAsync(runtime, cancellation: cancellation, cluster: settings.Cluster));
            await management.StartAsync(() => host.Worker.Alive, [new ClusterReadinessProbe(host.Grains)], stop.Token);
            Console.WriteLine($"worker {host.Worker.Id}: {runtime.Workers} slot(s), device class {runtime.DeviceClass}, device {runtime.Device}, " +
                $"silo port {host.Cluster.SiloPort}; ready");
            await ClusterRoles.WaitAsync(stop.Token);
            Console.WriteLine($"worker {host.Worker.Id}: stopping, handing running children back");
            await host.Worker.StopAsync();
            return 0;
        }));
        return command;
    }
}
