using System.Text;
using Npgsql;

namespace Mnas.Store.Postgres;

/// <summary>
/// Brings a schema to <see cref="CurrentVersion"/> when a store opens: each pending migration in
/// its own transaction, recorded in <c>schema_migrations</c> (version, applied_at). Every opener
/// takes one advisory lock for the schema first, so processes opening a fresh database at once
/// apply each migration exactly once. A schema whose version is above <see cref="CurrentVersion"/>
/// was written by a newer build and is refused rather than guessed at.
/// </summary>
internal static class PostgresSchema
{
    /// <summary>The schema version this build writes.</summary>
    public static int CurrentVersion => PostgresMigrations.All.Count;

    /// <summary>Applies the pending migrations of <paramref name="schema"/>; <paramref name="connectionString"/> must set its search path to it.</summary>
    public static async Task MigrateAsync(string connectionString, string schema, CancellationToken cancellationToken)
    {
        // A connection of its own, outside the pool: closing it ends the session and with it the
        // advisory lock, whatever happened in between.
        var unpooled = new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false };
        await using var connection = new NpgsqlConnection(unpooled.ConnectionString);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        await ExecuteAsync(connection, null, "SELECT pg_advisory_lock(@key);", cancellationToken, ("key", LockKey(schema))).ConfigureAwait(false);

        var table = $"{Quote(schema)}.schema_migrations";
        // Only create what is missing, so that a role without CREATE rights can open a migrated store.
        if (await ScalarAsync(connection, null, "SELECT to_regclass(@table) IS NULL;", cancellationToken, ("table", table)).ConfigureAwait(false) is true)
        {
            await ExecuteAsync(
                connection,
                null,
                $"CREATE SCHEMA IF NOT EXISTS {Quote(schema)}; " +
                $"CREATE TABLE IF NOT EXISTS {table} (version integer PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now());",
                cancellationToken).ConfigureAwait(false);
        }

        var version = Convert.ToInt32(
            await ScalarAsync(connection, null, $"SELECT COALESCE(MAX(version), 0) FROM {table};", cancellationToken).ConfigureAwait(false),
            System.Globalization.CultureInfo.InvariantCulture);
        if (version > CurrentVersion)
        {
            throw new InvalidOperationException(
                $"PostgreSQL campaign store schema '{schema}' has schema version {version}, newer than this build's {CurrentVersion}: open it with a newer Mnas");
        }

        foreach (var migration in PostgresMigrations.All.Where(m => m.Version > version))
        {
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await ExecuteAsync(connection, transaction, migration.Sql, cancellationToken).ConfigureAwait(false);
            await ExecuteAsync(connection, transaction, $"INSERT INTO {table} (version) VALUES (@version);", cancellationToken, ("version", migration.Version))
                .ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>A double-quoted identifier (the validator allows only names that need no escaping, but quoting keeps them exact).</summary>
    public static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    /// <summary>The advisory lock of a schema's migrations: a stable 64-bit FNV-1a hash of its name (the same in every process).</summary>
    private static long LockKey(string schema)
    {
        var hash = 14695981039346656037UL;
        foreach (var b in Encoding.UTF8.GetBytes("mnas.store.migrations:" + schema))
        {
            hash = (hash ^ b) * 1099511628211UL;
        }

        return unchecked((long)hash);
    }

    private static async Task ExecuteAsync(
        NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql, CancellationToken cancellationToken, params (string Name, object Value)[] parameters)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static async Task<object?> ScalarAsync(
        NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql, CancellationToken cancellationToken, params (string Name, object Value)[] parameters)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
    }
}
