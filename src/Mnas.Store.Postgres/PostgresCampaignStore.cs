using System.Runtime.ExceptionServices;
using Npgsql;
using Polly;

namespace Mnas.Store.Postgres;

/// <summary>
/// <see cref="ICampaignStore"/> on PostgreSQL, for a cluster: many processes may share one store.
/// <see cref="OpenAsync"/> creates or migrates the schema. Each operation takes a pooled connection
/// of its own; each write is one READ COMMITTED transaction that locks the rows its checks read
/// (the child it moves, the campaign whose events or checkpoints it numbers), so concurrent
/// writers from any process queue on the row instead of racing. A transaction that fails on a
/// transient error (a lost connection, a restarting server, a deadlock) is run again from the
/// start, except where its commit may already have happened and running it twice would not be
/// the same as once.
/// </summary>
public sealed partial class PostgresCampaignStore : ICampaignStore
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly ResiliencePipeline _retry;
    private int _disposed;

    private PostgresCampaignStore(NpgsqlDataSource dataSource, string schema)
    {
        _dataSource = dataSource;
        _retry = TransactionRetry.Create(dataSource);
        Schema = schema;
    }

    /// <summary>The schema version this build creates and migrates databases to.</summary>
    public static int SchemaVersion => PostgresSchema.CurrentVersion;

    /// <summary>The schema holding the store's tables.</summary>
    public string Schema { get; }

    /// <summary>
    /// Checks <paramref name="options"/> (an <see cref="ArgumentException"/> names each bad setting),
    /// then opens the store, creating its schema or applying pending migrations. Throws an
    /// <see cref="InvalidOperationException"/> for a schema newer than this build.
    /// </summary>
    public static async Task<PostgresCampaignStore> OpenAsync(PostgresStoreOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        PostgresStoreOptionsValidator.Instance.ThrowIfInvalid(options);
        var settings = new NpgsqlConnectionStringBuilder(options.ConnectionString)
        {
            SearchPath = options.Schema,
            CommandTimeout = (int)Math.Ceiling(options.CommandTimeout.TotalSeconds),
        };
        if (string.IsNullOrEmpty(settings.ApplicationName))
        {
            settings.ApplicationName = "mnas";
        }

        var store = new PostgresCampaignStore(NpgsqlDataSource.Create(settings), options.Schema);
        try
        {
            await store._retry.ExecuteAsync(
                async ct => await PostgresSchema.MigrateAsync(settings.ConnectionString, options.Schema, ct).ConfigureAwait(false),
                cancellationToken).ConfigureAwait(false);
            return store;
        }
        catch
        {
            await store.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Closes the store's pooled connections; call it once no operation is in flight. Later calls throw <see cref="ObjectDisposedException"/>.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            await _dataSource.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Runs <paramref name="read"/> on a connection of its own, outside any transaction (each statement sees one snapshot).</summary>
    private async Task<T> ReadAsync<T>(Func<NpgsqlConnection, CancellationToken, Task<T>> read, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        cancellationToken.ThrowIfCancellationRequested();
        return await _retry.ExecuteAsync(
            async ct =>
            {
                await using var connection = await _dataSource.OpenConnectionAsync(ct).ConfigureAwait(false);
                return await read(connection, ct).ConfigureAwait(false);
            },
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Runs <paramref name="write"/> in one transaction: it commits when <paramref name="write"/>
    /// returns and the token is not cancelled, and rolls back otherwise. A transient failure before
    /// the commit runs it again; a failure during the commit leaves its outcome unknown, so only an
    /// <paramref name="idempotent"/> write (one whose second run changes nothing) is run again then.
    /// </summary>
    private async Task<T> WriteAsync<T>(
        Func<NpgsqlConnection, NpgsqlTransaction, CancellationToken, Task<T>> write, bool idempotent, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        cancellationToken.ThrowIfCancellationRequested();
        try
        {
            return await _retry.ExecuteAsync(
                async ct =>
                {
                    await using var connection = await _dataSource.OpenConnectionAsync(ct).ConfigureAwait(false);
                    await using var transaction = await connection.BeginTransactionAsync(ct).ConfigureAwait(false);
                    var result = await write(connection, transaction, ct).ConfigureAwait(false);
                    ct.ThrowIfCancellationRequested();
                    try
                    {
                        await transaction.CommitAsync(CancellationToken.None).ConfigureAwait(false);
                    }
                    catch (Exception failure) when (!idempotent)
                    {
                        throw new UnknownCommitOutcome(failure);
                    }

                    return result;
                },
                cancellationToken).ConfigureAwait(false);
        }
        catch (UnknownCommitOutcome unknown)
        {
            ExceptionDispatchInfo.Throw(unknown.InnerException!);
            throw;
        }
    }

    private static NpgsqlCommand Command(NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql, params (string Name, object? Value)[] parameters)
    {
        var command = new NpgsqlCommand(sql, connection, transaction);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        return command;
    }

    private static async Task<List<T>> QueryAsync<T>(NpgsqlCommand command, Func<NpgsqlDataReader, T> map, CancellationToken cancellationToken)
    {
        await using (command.ConfigureAwait(false))
        {
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            var rows = new List<T>();
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                rows.Add(map(reader));
            }

            return rows;
        }
    }

    private static async Task<T?> QuerySingleAsync<T>(NpgsqlCommand command, Func<NpgsqlDataReader, T> map, CancellationToken cancellationToken)
        where T : class
    {
        var rows = await QueryAsync(command, map, cancellationToken).ConfigureAwait(false);
        return rows.Count == 0 ? null : rows[0];
    }

    private static async Task<long> ScalarAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        await using (command.ConfigureAwait(false))
        {
            var value = await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
            return Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture);
        }
    }

    private static async Task<int> ExecuteAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        await using (command.ConfigureAwait(false))
        {
            return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private static async Task<bool> CampaignExistsAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, string campaignId, CancellationToken cancellationToken) =>
        await ScalarAsync(
            Command(connection, transaction, "SELECT COUNT(*) FROM campaigns WHERE id = @id;", ("id", campaignId)),
            cancellationToken).ConfigureAwait(false) != 0;

    /// <summary>
    /// Locks the campaign's row until the transaction ends, so that writers numbering its events
    /// or checkpoints go one at a time; false when there is no such campaign. The lock does not
    /// block the key-share locks that adding children takes.
    /// </summary>
    private static async Task<bool> LockCampaignAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string campaignId, CancellationToken cancellationToken)
    {
        var locked = await QueryAsync(
            Command(connection, transaction, "SELECT 1 FROM campaigns WHERE id = @id FOR NO KEY UPDATE;", ("id", campaignId)),
            row => row.GetInt32(0),
            cancellationToken).ConfigureAwait(false);
        return locked.Count == 1;
    }

    /// <summary>Carries a failure of a commit out of the retry, which must not run such a write again.</summary>
    private sealed class UnknownCommitOutcome(Exception failure) : Exception("the commit's outcome is unknown", failure);
}
