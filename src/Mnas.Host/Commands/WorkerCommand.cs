using System.CommandLine;
using Mnas.Api.Health;
using Mnas.Grains.Hosting;

namespace Mnas.Host.Commands;

/// <summary>
/// <c>mnas worker</c>: a worker of a cluster. It announces itself to the coordinator by heartbeat, trains and measures
/// the children assigned to it, and on SIGTERM or Ctrl+C stops between steps and hands its children back (no attempt
/// is counted). Transport and the rest come from the settings (<c>--config</c>, <c>MNAS_*</c>, <c>--set</c>).
/// </summary>
internal static class WorkerCommand
{
    public static Command Create()
    {
        var settingsOptions = new SettingsOptions();
        var slots = new Option<int?>("--slots") { Description = "children trained at once (default: worker.slots, 1)" };
        var deviceClass = new Option<string?>("--device-class") { Description = "the class latency is measured for (default: worker.device_class, cpu)" };
        var command = new Command("worker", "Run a worker of a cluster until stopped") { slots, deviceClass };
        settingsOptions.AddTo(command);
        command.SetAction((result, cancellation) => CommandErrors.RunAsync(async () =>
        {
            var settings = settingsOptions.Load(result);
            var runtime = settings.Runtime with
            {
                Coordinates = false,
                Workers = result.GetValue(slots) ?? settings.Runtime.Workers,
                DeviceClass = result.GetValue(deviceClass) ?? settings.Runtime.DeviceClass,
            };
            using var stop = new StopSignal(cancellation);
            await using var management = ManagementRole.Prepare(settings);
            await using var host = await CampaignHost.StartAsync(runtime, cancellation: cancellation);
            await management.StartAsync(() => host.Worker.Alive, [new BusReadinessProbe(host.BusProblem)], stop.Token);
            Console.WriteLine($"worker {host.Worker.Id}: {runtime.Workers} slot(s), device class {runtime.DeviceClass}, device {runtime.Device}, transport {runtime.Transport}; ready");
            try
            {
                await Task.Delay(Timeout.Infinite, stop.Token);
            }
            catch (OperationCanceledException)
            {
            }
            Console.WriteLine($"worker {host.Worker.Id}: stopping, handing running children back");
            await host.Worker.StopAsync();
            return 0;
        }));
        return command;
    }
}
