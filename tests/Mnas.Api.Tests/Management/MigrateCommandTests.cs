using Microsoft.Data.Sqlite;
using Mnas.Store.Postgres;
using Mnas.Store.Sqlite;
using Mnas.Store.Tests.Postgres;
using Npgsql;

namespace Mnas.Api.Tests.Management;

/// <summary><c>mnas migrate</c> as a real process: a fresh SQLite file or PostgreSQL database comes out at the current schema; a bad setting writes nothing.</summary>
public sealed class MigrateCommandTests : IDisposable
{
    private readonly string data = Directory.CreateTempSubdirectory("mnas-migrate-").FullName;

    public void Dispose() => Directory.Delete(data, recursive: true);

    [Fact(Timeout = 120_000)]
    public async Task migrate_creates_a_fresh_sqlite_store_at_the_current_schema()
    {
        var directory = Path.Combine(data, "fresh");

        var (exitCode, output) = await MnasCommand.RunAsync("migrate", [$"data_directory={directory}"]);

        Assert.True(exitCode == 0, output);
        Assert.Equal($"store: sqlite schema {SqliteCampaignStore.SchemaVersion}", output.Trim());
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(directory, SqliteCampaignStore.DefaultFileName)};Mode=ReadOnly");
        await connection.OpenAsync();
        await using var tables = connection.CreateCommand();
        tables.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name IN ('campaigns', 'children', 'schema_version') ORDER BY name";
        var names = new List<string>();
        await using (var reader = await tables.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                names.Add(reader.GetString(0));
            }
        }

        Assert.Equal(["campaigns", "children", "schema_version"], names);
        SqliteConnection.ClearAllPools();
    }

    [Fact(Timeout = 180_000)]
    public async Task migrate_brings_a_fresh_postgres_database_to_the_current_schema_and_again_changes_nothing()
    {
        await using var database = await PostgresTestServer.CreateEmptyDatabaseAsync();
        string[] settings = ["store=postgres", $"store.postgres.connection_string={database.ConnectionString}", $"data_directory={Path.Combine(data, "pg")}"];

        var first = await MnasCommand.RunAsync("migrate", settings);
        var second = await MnasCommand.RunAsync("migrate", settings);

        Assert.True(first.ExitCode == 0, first.Output);
        Assert.Equal($"store: postgres schema {PostgresCampaignStore.SchemaVersion}", first.Output.Trim());
        Assert.True(second.ExitCode == 0, second.Output);
        Assert.Equal(first.Output, second.Output);
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var tables = new NpgsqlCommand(
            "SELECT count(*) FROM information_schema.tables WHERE table_schema = @schema AND table_name IN ('campaigns', 'children')", connection);
        tables.Parameters.AddWithValue("schema", PostgresStoreOptions.DefaultSchema);
        Assert.Equal(2L, await tables.ExecuteScalarAsync());
    }

    [Fact(Timeout = 120_000)]
    public async Task an_unreachable_database_is_one_line_naming_the_connection_setting_and_a_failure()
    {
        var directory = Path.Combine(data, "unreachable");

        var (exitCode, output) = await MnasCommand.RunAsync("migrate",
            ["store=postgres", "store.postgres.connection_string=Host=127.0.0.1;Port=1;Username=mnas;Timeout=2", $"data_directory={directory}"]);

        Assert.NotEqual(0, exitCode);
        var line = Assert.Single(output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("mnas: store.postgres.connection_string: the postgres store cannot be opened", line);
        Assert.False(Directory.Exists(directory));
    }

    [Fact(Timeout = 120_000)]
    public async Task a_bad_store_setting_is_refused_by_name_and_nothing_is_written()
    {
        var directory = Path.Combine(data, "refused");

        var (exitCode, output) = await MnasCommand.RunAsync("migrate", ["store=mysql", $"data_directory={directory}"]);

        Assert.NotEqual(0, exitCode);
        Assert.Contains("store: must be sqlite or postgres (got 'mysql')", output);
        Assert.False(Directory.Exists(directory));
    }

    [Fact(Timeout = 120_000)]
    public async Task a_data_directory_that_cannot_hold_the_sqlite_file_is_named_and_nothing_is_written()
    {
        var file = Path.Combine(data, "a-file");
        await File.WriteAllTextAsync(file, "not a directory");

        var (exitCode, output) = await MnasCommand.RunAsync("migrate", [$"data_directory={Path.Combine(file, "store")}"]);

        Assert.NotEqual(0, exitCode);
        Assert.StartsWith("mnas: data_directory: the sqlite store cannot be opened", output.Trim());
        Assert.Equal(["a-file"], Directory.GetFileSystemEntries(data).Select(Path.GetFileName));
    }
}
