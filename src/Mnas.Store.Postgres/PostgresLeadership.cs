using System.Text;
using Npgsql;

namespace Mnas.Store.Postgres;

/// <summary>
/// Leadership among processes that share a PostgreSQL store: whoever holds a session advisory lock (named after the
/// store's schema and a role) leads; the others wait. The lock lives as long as the leader's connection, so a leader
/// that dies or loses the database loses it at once, and a standby takes over within its polling interval.
/// </summary>
public sealed class PostgresLeadership(PostgresStoreOptions options, string role, TimeSpan? pollInterval = null)
{
    private readonly TimeSpan poll = pollInterval ?? TimeSpan.FromSeconds(1);

    /// <summary>The advisory lock key: a stable 64-bit hash of the schema and the role.</summary>
    public long Key { get; } = StableKey($"{options.Schema}:{role}");

    /// <summary>Waits until this process leads; the returned term ends (its token is cancelled) when the lock is lost.</summary>
    public async Task<LeadershipTerm> AcquireAsync(CancellationToken cancellation)
    {
        PostgresStoreOptionsValidator.Instance.ThrowIfInvalid(options);
        while (true)
        {
            cancellation.ThrowIfCancellationRequested();
            NpgsqlConnection? connection = null;
            try
            {
                connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(options.ConnectionString) { Pooling = false }.ConnectionString);
                await connection.OpenAsync(cancellation);
                await using var command = new NpgsqlCommand("SELECT pg_try_advisory_lock(@key)", connection);
                command.Parameters.AddWithValue("key", Key);
                if (await command.ExecuteScalarAsync(cancellation) is true)
                {
                    return new LeadershipTerm(connection, poll);
                }
            }
            catch (NpgsqlException)
            {
                // The database is away: keep waiting for it like for the lock.
            }

            if (connection != null)
            {
                await connection.DisposeAsync();
            }

            await Task.Delay(poll, cancellation);
        }
    }

    private static long StableKey(string text)
    {
        unchecked
        {
            var hash = (long)14695981039346656037UL;
            foreach (var b in Encoding.UTF8.GetBytes(text))
            {
                hash = (hash ^ b) * 1099511628211L;
            }

            return hash;
        }
    }
}

/// <summary>One term of leadership: <see cref="Lost"/> is cancelled when the lock's connection fails; disposing it steps down.</summary>
public sealed class LeadershipTerm : IAsyncDisposable
{
    private readonly NpgsqlConnection connection;
    private readonly CancellationTokenSource lost = new();
    private readonly Task watch;

    internal LeadershipTerm(NpgsqlConnection connection, TimeSpan poll)
    {
        this.connection = connection;
        watch = Task.Run(() => WatchAsync(poll));
    }

    public CancellationToken Lost => lost.Token;

    private async Task WatchAsync(TimeSpan poll)
    {
        try
        {
            while (!lost.IsCancellationRequested)
            {
                await Task.Delay(poll, lost.Token);
                await using var command = new NpgsqlCommand("SELECT 1", connection) { CommandTimeout = 5 };
                await command.ExecuteScalarAsync(lost.Token);
            }
        }
        catch (OperationCanceledException) when (lost.IsCancellationRequested)
        {
        }
        catch (Exception)
        {
            await lost.CancelAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await lost.CancelAsync();
        await watch;
        await connection.DisposeAsync();
        lost.Dispose();
    }
}
