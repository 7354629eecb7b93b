using System.CommandLine;
using Mnas.Host.Configuration;
using Mnas.Store.Postgres;
using Mnas.Store.Sqlite;

namespace Mnas.Host.Commands;

/// <summary>
/// <c>mnas migrate</c>: opens the store the settings name, which applies its pending migrations (on PostgreSQL under
/// the store's advisory lock, so several at once are safe), prints the schema version it is at and exits. A store that
/// cannot be opened is one line naming the setting to look at, and exit code 1.
/// </summary>
internal static class MigrateCommand
{
    public static Command Create()
    {
        var settingsOptions = new SettingsOptions();
        var command = new Command("migrate", "Apply the store's pending schema migrations and print its schema version");
        settingsOptions.AddTo(command);
        command.SetAction((result, cancellation) => CommandErrors.RunAsync(async () =>
        {
            var settings = settingsOptions.Load(result);
            var (kind, version, setting) = settings.Postgres is null
                ? (HostSettings.Sqlite, SqliteCampaignStore.SchemaVersion, "data_directory")
                : (HostSettings.PostgreSql, PostgresCampaignStore.SchemaVersion, "store.postgres.connection_string");
            try
            {
                await using var store = await CampaignSession.OpenStoreAsync(settings, settings.Runtime.DataDirectory, cancellation);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                Console.Error.WriteLine($"mnas: {setting}: the {kind} store cannot be opened ({OneLine(e)})");
                return 1;
            }

            Console.WriteLine($"store: {kind} schema {version}");
            return 0;
        }));
        return command;
    }

    private static string OneLine(Exception e)
    {
        var message = e.InnerException is { } inner && inner.Message != e.Message ? $"{e.Message}: {inner.Message}" : e.Message;
        return $"{e.GetType().Name}: {message.ReplaceLineEndings(" ")}";
    }
}
