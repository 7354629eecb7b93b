using Microsoft.Data.Sqlite;
using Mnas.Campaigns;

namespace Mnas.Store.Sqlite;

public sealed partial class SqliteCampaignStore
{
    public Task<WorkerStatus> RecordWorkerAsync(WorkerStatus worker, CancellationToken cancellationToken = default)
    {
        StoreRules.ValidateWorker(worker);
        return WriteAsync(
            async (connection, transaction, ct) =>
            {
                var stored = await QuerySingleAsync(
                    Command(
                        connection,
                        transaction,
                        $"SELECT {SqliteRows.WorkerColumns} FROM workers WHERE worker_id = $worker_id;",
                        ("$worker_id", worker.WorkerId)),
                    SqliteRows.Worker,
                    ct).ConfigureAwait(false);
                var recorded = StoreRules.Heartbeat(stored, worker with { Running = [.. worker.Running] });
                if (!ReferenceEquals(recorded, stored))
                {
                    await WriteWorkerAsync(connection, transaction, recorded, ct).ConfigureAwait(false);
                }

                return recorded;
            },
            cancellationToken);
    }

    public Task<IReadOnlyList<WorkerStatus>> ListWorkersAsync(CancellationToken cancellationToken = default) =>
        ReadAsync<IReadOnlyList<WorkerStatus>>(
            async (connection, ct) => await QueryAsync(
                Command(connection, null, $"SELECT {SqliteRows.WorkerColumns} FROM workers ORDER BY worker_id;"),
                SqliteRows.Worker,
                ct).ConfigureAwait(false),
            cancellationToken);

    public Task<int> ForgetWorkersAsync(DateTimeOffset before, CancellationToken cancellationToken = default) =>
        WriteAsync(
            (connection, transaction, ct) => ExecuteAsync(
                Command(
                    connection,
                    transaction,
                    "DELETE FROM workers WHERE last_heartbeat_ticks < $before;",
                    ("$before", before.UtcTicks)),
                ct),
            cancellationToken);

    private static async Task WriteWorkerAsync(SqliteConnection connection, SqliteTransaction transaction, WorkerStatus worker, CancellationToken cancellationToken)
    {
        var parameters = SqliteRows.WorkerParameters(worker);
        var assignments = string.Join(", ", parameters.Skip(1).Select(p => $"{p.Name[1..]} = excluded.{p.Name[1..]}"));
        await ExecuteAsync(
            Command(
                connection,
                transaction,
                $"INSERT INTO workers ({SqliteRows.WorkerColumns}) VALUES ({string.Join(", ", parameters.Select(p => p.Name))}) " +
                $"ON CONFLICT (worker_id) DO UPDATE SET {assignments};",
                parameters),
            cancellationToken).ConfigureAwait(false);
    }
}
