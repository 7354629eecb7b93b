using System.CommandLine;

namespace Mnas.Host.Commands;

/// <summary>
/// <c>mnas api</c>: the HTTP API over the store the settings name (health, readiness, workers, campaigns), at
/// <c>api.listen</c>, until SIGTERM or Ctrl+C; a client of the cluster's gateways when the settings name a cluster
/// (postgres membership, or <c>cluster.gateways</c>). Its keys are those <c>mnas keys</c> creates in the same store.
/// </summary>
internal static class ApiCommand
{
    public static Command Create()
    {
        var settingsOptions = new SettingsOptions();
        var command = new Command("api", "Serve the HTTP API over the campaign store until stopped");
        settingsOptions.AddTo(command);
        command.SetAction((result, cancellation) => CommandErrors.RunAsync(async () =>
        {
            var settings = settingsOptions.Load(result);
            using var stop = new StopSignal(cancellation);
            await using var management = ManagementRole.Prepare(settings);
            await using var api = await ApiRole.StartAsync(settings, stop.Token);
            await management.StartAsync(() => !stop.Token.IsCancellationRequested, api.Probes, stop.Token);
            try
            {
                await Task.Delay(Timeout.Infinite, stop.Token);
            }
            catch (OperationCanceledException)
            {
            }

            Console.WriteLine("api: stopping");
            return 0;
        }));
        return command;
    }
}
