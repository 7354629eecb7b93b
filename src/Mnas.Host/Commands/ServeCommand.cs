using System.CommandLine;
using Mnas.Grains.Hosting;

namespace Mnas.Host.Commands;

/// <summary>
/// <c>mnas serve</c>: every role in one process until SIGTERM or Ctrl+C — one silo hosting the campaigns (every running
/// campaign, and those submitted later, e.g. by <c>mnas submit</c>), the directory and <c>worker.slots</c> local worker
/// slots sharing the machine's cores — and the API. With SQLite it is a cluster of its own (localhost membership); with
/// the postgres store it joins that store's cluster as a silo hosting both campaigns and a worker.
/// </summary>
internal static class ServeCommand
{
    private const string Role = "serve";

    public static Command Create()
    {
        var settingsOptions = new SettingsOptions();
        var command = new Command("serve", "Run the campaigns, local workers and the API in one process until stopped");
        settingsOptions.AddTo(command);
        command.SetAction((result, cancellation) => CommandErrors.RunAsync(async () =>
        {
            var settings = settingsOptions.Load(result);
            using var stop = new StopSignal(cancellation);
            await using var embedded = await EmbeddedServer.StartAsync(settings, stop.Token);
            Console.WriteLine($"{Role}: {embedded.Host.Options.Workers} worker slot(s), store {settings.Store}, membership {settings.Cluster.Membership}");
            await ClusterRoles.WaitAsync(stop.Token);
            Console.WriteLine($"{Role}: stopping");
            return 0;
        }));
        return command;
    }
}
