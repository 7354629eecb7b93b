using System.Security.Cryptography;
using Mnas.Store.Postgres;
using Npgsql;

namespace Mnas.Store.Tests.Postgres;

/// <summary>
/// The PostgreSQL server the tests run against: the one <c>MNAS_TEST_POSTGRES</c> names (a
/// connection string whose user may create databases) when it is set, otherwise the repository's
/// own, started with <c>scripts/postgres.sh start</c> if it is not running. Hands out databases of
/// their own to tests, empty or copied from a template already migrated to the current schema.
/// </summary>
internal static class PostgresTestServer
{
    public const string EnvironmentVariable = "MNAS_TEST_POSTGRES";

    private static readonly Lazy<Task<NpgsqlDataSource>> Admin = new(ConnectAsync);
    private static readonly Lazy<Task<string>> Template = new(CreateTemplateAsync);

    /// <summary>A new empty database, dropped when the result is disposed.</summary>
    public static async Task<PostgresTestDatabase> CreateEmptyDatabaseAsync() => await CreateDatabaseAsync("template0");

    /// <summary>A new database whose schema is already at <see cref="PostgresCampaignStore.SchemaVersion"/>, dropped when the result is disposed.</summary>
    public static async Task<PostgresTestDatabase> CreateMigratedDatabaseAsync() => await CreateDatabaseAsync(await Template.Value);

    /// <summary>A connection string for <paramref name="database"/> on this server.</summary>
    public static async Task<string> ConnectionStringAsync(string database) =>
        new NpgsqlConnectionStringBuilder((await Admin.Value).ConnectionString) { Database = database }.ConnectionString;

    public static async Task ExecuteAsync(string sql)
    {
        await using var command = (await Admin.Value).CreateCommand(sql);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<PostgresTestDatabase> CreateDatabaseAsync(string template)
    {
        var name = $"mnas_test_{Guid.NewGuid():N}";
        // Copying the template's files is several times faster than the WAL-logged copy that
        // PostgreSQL 15 makes by default, which a test database needs none of.
        var strategy = await CopiesFilesAsync() ? " STRATEGY FILE_COPY" : "";
        await ExecuteAsync($"CREATE DATABASE {Quote(name)} TEMPLATE {Quote(template)}{strategy};");
        return new PostgresTestDatabase(name, await ConnectionStringAsync(name));
    }

    /// <summary>Whether the server can be told how to copy a template (PostgreSQL 15 and later).</summary>
    private static async Task<bool> CopiesFilesAsync()
    {
        await using var command = (await Admin.Value).CreateCommand("SELECT current_setting('server_version_num')::int >= 150000;");
        return (bool)(await command.ExecuteScalarAsync())!;
    }

    private static async Task<NpgsqlDataSource> ConnectAsync()
    {
        var connectionString = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            await PostgresScript.RunAsync("start");
            connectionString = await PostgresScript.RunAsync("url");
        }

        var dataSource = NpgsqlDataSource.Create(connectionString);
        try
        {
            await using var probe = dataSource.CreateCommand("SELECT 1;");
            await probe.ExecuteScalarAsync();
            return dataSource;
        }
        catch (Exception e)
        {
            await dataSource.DisposeAsync();
            throw new InvalidOperationException(
                $"no PostgreSQL server for the tests at {new NpgsqlConnectionStringBuilder(connectionString) { Password = null }} " +
                $"(set {EnvironmentVariable} to a connection string, or leave it unset to use scripts/postgres.sh): {e.Message}",
                e);
        }
    }

    /// <summary>
    /// The template's name follows the migrations' content, so a server keeps one per schema and
    /// test runs after the first only copy it. It is built under another name and renamed once
    /// migrated; an advisory lock keeps test processes sharing the server from building it twice.
    /// </summary>
    private static async Task<string> CreateTemplateAsync()
    {
        var name = $"mnas_test_template_{MigrationsHash()}";
        var building = name + "_building";
        await using var connection = await (await Admin.Value).OpenConnectionAsync();
        await using (var lockCommand = new NpgsqlCommand("SELECT pg_advisory_lock(7472546);", connection))
        {
            await lockCommand.ExecuteNonQueryAsync();
        }

        try
        {
            await using var exists = new NpgsqlCommand("SELECT COUNT(*) FROM pg_database WHERE datname = @name;", connection);
            exists.Parameters.AddWithValue("name", name);
            if ((long)(await exists.ExecuteScalarAsync())! == 1)
            {
                return name;
            }

            await ExecuteAsync($"DROP DATABASE IF EXISTS {Quote(building)} WITH (FORCE);");
            await ExecuteAsync($"CREATE DATABASE {Quote(building)} TEMPLATE template0;");
            await using (await PostgresCampaignStore.OpenAsync(new PostgresStoreOptions { ConnectionString = await ConnectionStringAsync(building) }))
            {
            }

            await ExecuteAsync($"ALTER DATABASE {Quote(building)} RENAME TO {Quote(name)};");
            return name;
        }
        finally
        {
            await using var unlock = new NpgsqlCommand("SELECT pg_advisory_unlock(7472546);", connection);
            await unlock.ExecuteNonQueryAsync();
        }
    }

    private static string MigrationsHash()
    {
        var assembly = typeof(PostgresCampaignStore).Assembly;
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.EndsWith(".sql", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            hash.AppendData(System.Text.Encoding.UTF8.GetBytes(resource));
            hash.AppendData(buffer.ToArray());
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset())[..16];
    }

    private static string Quote(string identifier) => $"\"{identifier}\"";
}
