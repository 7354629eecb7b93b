using System.CommandLine;
using Mnas.Grains;
using Mnas.Grains.Hosting;
using Mnas.Host.Configuration;

namespace Mnas.Host.Commands;

/// <summary>
/// <c>mnas serve</c>: every role in one process until SIGTERM or Ctrl+C — the coordinator of every running campaign
/// (and those submitted later, e.g. by <c>mnas submit</c>), <c>worker.slots</c> local worker slots sharing the
/// machine's cores, and the API. With the postgres store it coordinates only while it holds the store's lock, as
/// <c>mnas controller</c> does; its workers and API run regardless. With the in-memory transport the workers reach
/// only this process's coordinator, so they run with it.
/// </summary>
internal static class ServeCommand
{
    private const string Role = "serve";

    public static Command Create()
    {
        var settingsOptions = new SettingsOptions();
        var command = new Command("serve", "Run the coordinator, local workers and the API in one process until stopped");
        settingsOptions.AddTo(command);
        command.SetAction((result, cancellation) => CommandErrors.RunAsync(async () =>
        {
            var settings = settingsOptions.Load(result);
            var runtime = settings.Runtime with
            {
                ThreadsPerWorker = Math.Min(settings.Runtime.ThreadsPerWorker, Math.Max(1, Environment.ProcessorCount / Math.Max(1, settings.Runtime.Workers))),
            };
            using var stop = new StopSignal(cancellation);
            await using var management = ManagementRole.Prepare(settings);
            await using var api = await ApiRole.StartAsync(settings, stop.Token);
            Console.WriteLine($"{Role}: {runtime.Workers} worker slot(s), transport {runtime.Transport}, store {settings.Store}");
            Task? leadership = null;
            await management.StartAsync(() => leadership is { IsCompleted: false }, api.Probes, stop.Token);
            if (runtime.Transport == RuntimeTransports.InMemory)
            {
                leadership = CoordinatorLeadership.RunAsync(settings, Role, term => CoordinateAsync(settings, runtime, term), stop.Token);
                await leadership;
            }
            else
            {
                await using var workers = runtime.Workers > 0 ? await CampaignHost.StartAsync(runtime with { Coordinates = false }, cancellation: stop.Token) : null;
                leadership = CoordinatorLeadership.RunAsync(settings, Role, term => CoordinateAsync(settings, runtime with { Workers = 0 }, term), stop.Token);
                await leadership;
            }

            Console.WriteLine($"{Role}: stopping");
            return 0;
        }));
        return command;
    }

    /// <summary>The coordinator for one term of leadership, with this process's workers when <paramref name="runtime"/> has slots.</summary>
    private static async Task CoordinateAsync(HostSettings settings, RuntimeOptions runtime, CancellationToken term)
    {
        await using var host = await CampaignHost.StartAsync(runtime, openStore: token => CampaignSession.OpenStoreAsync(settings, runtime.DataDirectory, token),
            cancellation: term);
        await new RunningCampaigns(host, Role).RunAsync(term);
    }
}
