using System.Diagnostics;
using Mnas.Store.Postgres;
using Npgsql;

namespace Mnas.Benchmarks;

/// <summary>
/// A database of its own on the repository's throwaway PostgreSQL server (scripts/postgres.sh; its data directory and
/// port from MNAS_PG_DIR and MNAS_PG_PORT), started when it does not run. The database is dropped on disposal; the
/// server is left running: <c>make bench-cluster</c> stops it.
/// </summary>
internal sealed class PrivatePostgres : IAsyncDisposable
{
    private readonly string server;
    private readonly string database;

    private PrivatePostgres(string server, string database) => (this.server, this.database) = (server, database);

    /// <summary>The store in the new database (its schema and the cluster's tables created on first open).</summary>
    public PostgresStoreOptions Store => new() { ConnectionString = new NpgsqlConnectionStringBuilder(server) { Database = database }.ConnectionString };

    public static async Task<PrivatePostgres> CreateDatabaseAsync()
    {
        Script("start");
        var server = Script("url").Trim();
        var database = $"mnas_bench_{Guid.NewGuid():N}";
        await ExecuteAsync(server, $"CREATE DATABASE \"{database}\" TEMPLATE template0;");
        return new PrivatePostgres(server, database);
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await ExecuteAsync(server, $"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE);");
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var source = NpgsqlDataSource.Create(connectionString);
        await using var command = source.CreateCommand(sql);
        await command.ExecuteNonQueryAsync();
    }

    private static string Script(string command)
    {
        var script = Path.Combine(RepositoryRoot(), "scripts", "postgres.sh");
        var start = new ProcessStartInfo("bash", [script, command]) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not run {script}");
        var errors = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{script} {command} exited with {process.ExitCode}:\n{output}{errors.Result}");
        }

        return output;
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Mnas.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"no Mnas.sln above {AppContext.BaseDirectory}: cannot find scripts/postgres.sh");
    }
}
