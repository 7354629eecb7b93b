namespace Mnas.Store.Postgres;

/// <summary>
/// Where the PostgreSQL campaign store lives: settings <c>store.postgres.*</c>, checked by
/// <see cref="PostgresStoreOptionsValidator"/> when the store opens.
/// </summary>
public sealed record PostgresStoreOptions
{
    /// <summary>The schema the store's tables live in unless another is given.</summary>
    public const string DefaultSchema = "mnas";

    /// <summary>
    /// <c>store.postgres.connection_string</c>: an Npgsql connection string (host, port, database,
    /// credentials). Its search path and command timeout are replaced by <see cref="Schema"/> and
    /// <see cref="CommandTimeout"/>.
    /// </summary>
    public required string ConnectionString { get; init; }

    /// <summary><c>store.postgres.schema</c>: the schema holding the store's tables, created on first open; several stores may share a database in different schemas.</summary>
    public string Schema { get; init; } = DefaultSchema;

    /// <summary><c>store.postgres.command_timeout</c>: how long one statement may run (whole seconds; a part second counts as one).</summary>
    public TimeSpan CommandTimeout { get; init; } = TimeSpan.FromSeconds(30);
}
