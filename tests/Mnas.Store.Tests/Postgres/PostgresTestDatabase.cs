using Npgsql;

namespace Mnas.Store.Tests.Postgres;

/// <summary>A database of one test's own on the test server; disposing it drops it, ending any session still on it.</summary>
internal sealed class PostgresTestDatabase(string name, string connectionString) : IAsyncDisposable
{
    public string Name { get; } = name;

    /// <summary>Connects to this database: what a store is opened with.</summary>
    public string ConnectionString { get; } = connectionString;

    /// <summary>The test's own statements run outside any pool, so nothing of theirs stays open.</summary>
    private string UnpooledConnectionString => new NpgsqlConnectionStringBuilder(ConnectionString) { Pooling = false }.ConnectionString;

    public async Task<object?> ScalarAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(UnpooledConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync();
    }

    public async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(UnpooledConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    public async ValueTask DisposeAsync() => await PostgresTestServer.ExecuteAsync($"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE);");
}
