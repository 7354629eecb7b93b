using Microsoft.Data.Sqlite;

namespace Mnas.Store.Sqlite;

/// <summary>
/// <see cref="ICampaignStore"/> on one SQLite file, for a single machine. The file is put in WAL
/// mode and its schema created or migrated when the store is constructed. Each operation takes a
/// pooled connection of its own; writes are serialised by a lock within the process and run as
/// one <c>BEGIN IMMEDIATE</c> transaction each, so several threads may share one store (and
/// several processes one file, waiting on SQLite's busy timeout).
/// </summary>
public sealed partial class SqliteCampaignStore : ICampaignStore
{
    /// <summary>The file name <see cref="InDirectory"/> uses.</summary>
    public const string DefaultFileName = "campaigns.db";

    private static readonly TimeSpan BusyTimeout = TimeSpan.FromSeconds(30);

    private readonly string _connectionString;
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private int _disposed;

    /// <summary>Opens (creating if needed) the store in the SQLite file at <paramref name="path"/>; its directory is created if missing.</summary>
    public SqliteCampaignStore(string path)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            throw new ArgumentException("path must name the store's SQLite file", nameof(path));
        }

        Path = System.IO.Path.GetFullPath(path);
        var directory = System.IO.Path.GetDirectoryName(Path);
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = Path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            ForeignKeys = true,
            Pooling = true,
            DefaultTimeout = (int)BusyTimeout.TotalSeconds,
        }.ToString();

        using var connection = Open();
        SqliteSchema.Open(connection, Path);
    }

    /// <summary>The schema version this build creates and migrates files to.</summary>
    public static int SchemaVersion => SqliteSchema.CurrentVersion;

    /// <summary>The full path of the store's file.</summary>
    public string Path { get; }

    /// <summary>Opens the store in <see cref="DefaultFileName"/> under <paramref name="dataDirectory"/>.</summary>
    public static SqliteCampaignStore InDirectory(string dataDirectory) =>
        new(System.IO.Path.Combine(dataDirectory, DefaultFileName));

    /// <summary>Closes the store's pooled connections; call it once no operation is in flight. Later calls throw <see cref="ObjectDisposedException"/>.</summary>
    public ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            using var connection = new SqliteConnection(_connectionString);
            SqliteConnection.ClearPool(connection);
        }

        return ValueTask.CompletedTask;
    }

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            connection.Open();
            using var command = connection.CreateCommand();
            // In WAL mode, NORMAL syncs at checkpoints rather than at every commit: a killed process
            // loses nothing committed (only a power cut can), and each write costs no fsync.
            command.CommandText = $"PRAGMA busy_timeout = {(int)BusyTimeout.TotalMilliseconds}; PRAGMA synchronous = NORMAL;";
            command.ExecuteNonQuery();
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>Runs <paramref name="read"/> on a connection of its own, outside any transaction (each statement sees one snapshot).</summary>
    private async Task<T> ReadAsync<T>(Func<SqliteConnection, CancellationToken, Task<T>> read, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        cancellationToken.ThrowIfCancellationRequested();
        await using var connection = Open();
        return await read(connection, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Runs <paramref name="write"/> in one immediate transaction, holding the write lock: it commits
    /// when <paramref name="write"/> returns and the token is not cancelled, and rolls back otherwise.
    /// </summary>
    private async Task<T> WriteAsync<T>(Func<SqliteConnection, SqliteTransaction, CancellationToken, Task<T>> write, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        cancellationToken.ThrowIfCancellationRequested();
        await _writeLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await using var connection = Open();
            await using var transaction = connection.BeginTransaction(deferred: false);
            var result = await write(connection, transaction, cancellationToken).ConfigureAwait(false);
            cancellationToken.ThrowIfCancellationRequested();
            await transaction.CommitAsync(CancellationToken.None).ConfigureAwait(false);
            return result;
        }
        finally
        {
            _writeLock.Release();
        }
    }

    private static SqliteCommand Command(SqliteConnection connection, SqliteTransaction? transaction, string sql, params (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        return command;
    }

    private static async Task<List<T>> QueryAsync<T>(SqliteCommand command, Func<SqliteDataReader, T> map, CancellationToken cancellationToken)
    {
        await using (command)
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

    private static async Task<T?> QuerySingleAsync<T>(SqliteCommand command, Func<SqliteDataReader, T> map, CancellationToken cancellationToken)
        where T : class
    {
        var rows = await QueryAsync(command, map, cancellationToken).ConfigureAwait(false);
        return rows.Count == 0 ? null : rows[0];
    }

    private static async Task<long> ScalarAsync(SqliteCommand command, CancellationToken cancellationToken)
    {
        await using (command)
        {
            var value = await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
            return Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture);
        }
    }

    private static async Task<int> ExecuteAsync(SqliteCommand command, CancellationToken cancellationToken)
    {
        await using (command)
        {
            return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private static async Task<bool> CampaignExistsAsync(SqliteConnection connection, SqliteTransaction? transaction, string campaignId, CancellationToken cancellationToken) =>
        await ScalarAsync(
            Command(connection, transaction, "SELECT EXISTS (SELECT 1 FROM campaigns WHERE id = $id);", ("$id", campaignId)),
            cancellationToken).ConfigureAwait(false) != 0;
}
