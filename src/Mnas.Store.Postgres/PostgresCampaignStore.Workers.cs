using Mnas.Campaigns;
using Npgsql;

namespace Mnas.Store.Postgres;

public sealed partial class PostgresCampaignStore
{
    public Task<WorkerStatus> RecordWorkerAsync(WorkerStatus worker, CancellationToken cancellationToken = default)
    {
        StoreRules.ValidateWorker(worker);
        var heartbeat = worker with { Running = [.. worker.Running] };
        return WriteAsync(
            async (connection, transaction, ct) =>
            {
                while (true)
                {
                    var stored = await QuerySingleAsync(
                        Command(
                            connection,
                            transaction,
                            $"SELECT {PostgresRows.WorkerColumns} FROM workers WHERE worker_id = @worker_id FOR UPDATE;",
                            ("worker_id", worker.WorkerId)),
                        PostgresRows.Worker,
                        ct).ConfigureAwait(false);
                    if (stored is not null)
                    {
                        var recorded = StoreRules.Heartbeat(stored, heartbeat);
                        if (!ReferenceEquals(recorded, stored))
                        {
                            await UpdateWorkerAsync(connection, transaction, recorded, ct).ConfigureAwait(false);
                        }

                        return recorded;
                    }

                    if (await InsertWorkerAsync(connection, transaction, heartbeat, ct).ConfigureAwait(false))
                    {
                        return heartbeat;
                    }

                    // A first heartbeat of the same worker committed its row after the select: lock that row now.
                }
            },
            // Run again after a commit whose outcome was lost, it finds its own heartbeat stored and keeps it.
            idempotent: true,
            cancellationToken);
    }

    public Task<IReadOnlyList<WorkerStatus>> ListWorkersAsync(CancellationToken cancellationToken = default) =>
        ReadAsync<IReadOnlyList<WorkerStatus>>(
            async (connection, ct) => await QueryAsync(
                Command(connection, null, $"SELECT {PostgresRows.WorkerColumns} FROM workers ORDER BY worker_id;"),
                PostgresRows.Worker,
                ct).ConfigureAwait(false),
            cancellationToken);

    public Task<int> ForgetWorkersAsync(DateTimeOffset before, CancellationToken cancellationToken = default) =>
        WriteAsync(
            (connection, transaction, ct) => ExecuteAsync(
                Command(
                    connection,
                    transaction,
                    "DELETE FROM workers WHERE last_heartbeat_utc_ticks < @before;",
                    ("before", PostgresValues.UtcTicks(before))),
                ct),
            // Run again after a commit whose outcome was lost, it would count none.
            idempotent: false,
            cancellationToken);

    /// <summary>Inserts the worker; false when its id is taken (a concurrent insert of it waits for the other to commit first).</summary>
    private static async Task<bool> InsertWorkerAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, WorkerStatus worker, CancellationToken cancellationToken)
    {
        var parameters = PostgresRows.WorkerParameters(worker);
        var inserted = await ExecuteAsync(
            Command(
                connection,
                transaction,
                $"INSERT INTO workers ({PostgresRows.WorkerColumns}) VALUES ({string.Join(", ", parameters.Select(p => PostgresRows.WorkerPlaceholder(p.Name)))}) " +
                "ON CONFLICT (worker_id) DO NOTHING;",
                parameters),
            cancellationToken).ConfigureAwait(false);
        return inserted == 1;
    }

    private static async Task UpdateWorkerAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, WorkerStatus worker, CancellationToken cancellationToken)
    {
        var parameters = PostgresRows.WorkerParameters(worker);
        var assignments = string.Join(", ", parameters.Skip(1).Select(p => $"{p.Name} = {PostgresRows.WorkerPlaceholder(p.Name)}"));
        await ExecuteAsync(
            Command(connection, transaction, $"UPDATE workers SET {assignments} WHERE worker_id = @worker_id;", parameters),
            cancellationToken).ConfigureAwait(false);
    }
}
