using Mnas.Campaigns;

namespace Mnas.Store.Postgres;

public sealed partial class PostgresCampaignStore
{
    public Task<SupernetRecord?> GetSupernetAsync(string campaignId, CancellationToken cancellationToken = default)
    {
        StoreRules.RequireId(campaignId, nameof(campaignId));
        return ReadAsync(
            (connection, ct) => QuerySingleAsync(
                Command(connection, null, $"SELECT {PostgresRows.SupernetColumns} FROM supernets WHERE campaign_id = @campaign_id;", ("campaign_id", campaignId)),
                PostgresRows.Supernet,
                ct),
            cancellationToken);
    }

    public Task<SupernetRecord> BeginSupernetAttemptAsync(string campaignId, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        StoreRules.RequireId(campaignId, nameof(campaignId));
        return WriteAsync(
            async (connection, transaction, ct) =>
            {
                // The campaign's lock keeps it from being deleted before the supernet's row names it.
                if (!await LockCampaignAsync(connection, transaction, campaignId, ct).ConfigureAwait(false))
                {
                    throw StoreRules.UnknownCampaign(campaignId, nameof(campaignId));
                }

                // A trained supernet is left as it is: the upsert then returns no row.
                return await QuerySingleAsync(
                    Command(
                        connection,
                        transaction,
                        $"""
                        INSERT INTO supernets ({PostgresRows.SupernetColumns})
                        VALUES (@campaign_id, 1, 0, NULL, NULL, @updated_utc_ticks, @updated_offset_minutes, NULL)
                        ON CONFLICT (campaign_id) DO UPDATE SET attempts = supernets.attempts + 1,
                            updated_utc_ticks = EXCLUDED.updated_utc_ticks, updated_offset_minutes = EXCLUDED.updated_offset_minutes
                            WHERE supernets.posterior_json IS NULL
                        RETURNING {PostgresRows.SupernetColumns};
                        """,
                        ("campaign_id", campaignId),
                        ("updated_utc_ticks", PostgresValues.UtcTicks(at)),
                        ("updated_offset_minutes", PostgresValues.OffsetMinutes(at))),
                    PostgresRows.Supernet,
                    ct).ConfigureAwait(false) ?? throw SupernetRules.AlreadyTrained(campaignId);
            },
            idempotent: false,
            cancellationToken);
    }

    public Task<bool> RecordSupernetEpochAsync(SupernetEpochRecord epoch, byte[] state, CancellationToken cancellationToken = default)
    {
        SupernetRules.ValidateEpoch(epoch, state);
        return WriteAsync(
            async (connection, transaction, ct) =>
            {
                // The update locks the supernet's row: a concurrent report of the same epoch waits, then finds it recorded.
                var advanced = await ExecuteAsync(
                    Command(
                        connection,
                        transaction,
                        "UPDATE supernets SET epochs_done = @epoch, state = @state, " +
                        "updated_utc_ticks = @updated_utc_ticks, updated_offset_minutes = @updated_offset_minutes " +
                        "WHERE campaign_id = @campaign_id AND epochs_done = @epoch - 1 AND attempts = @attempt AND posterior_json IS NULL;",
                        ("campaign_id", epoch.CampaignId),
                        ("epoch", epoch.Epoch),
                        ("attempt", epoch.Attempt),
                        ("state", state),
                        ("updated_utc_ticks", PostgresValues.UtcTicks(epoch.At)),
                        ("updated_offset_minutes", PostgresValues.OffsetMinutes(epoch.At))),
                    ct).ConfigureAwait(false);
                if (advanced == 0)
                {
                    return await CampaignExistsAsync(connection, transaction, epoch.CampaignId, ct).ConfigureAwait(false)
                        ? false
                        : throw StoreRules.UnknownCampaign(epoch.CampaignId, "epoch.CampaignId");
                }

                var parameters = PostgresRows.SupernetEpochParameters(epoch);
                await ExecuteAsync(
                    Command(
                        connection,
                        transaction,
                        $"INSERT INTO supernet_epochs ({PostgresRows.SupernetEpochColumns}) VALUES ({PostgresRows.Placeholders(parameters)});",
                        parameters),
                    ct).ConfigureAwait(false);
                return true;
            },
            // Run again after a commit whose outcome was lost, it would find its own epoch recorded and answer false.
            idempotent: false,
            cancellationToken);
    }

    public Task<bool> FinishSupernetAsync(string campaignId, int attempt, string posteriorJson, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        SupernetRules.ValidateFinish(campaignId, attempt, posteriorJson);
        return WriteAsync(
            async (connection, transaction, ct) =>
            {
                var finished = await ExecuteAsync(
                    Command(
                        connection,
                        transaction,
                        "UPDATE supernets SET posterior_json = @posterior_json, " +
                        "updated_utc_ticks = @updated_utc_ticks, updated_offset_minutes = @updated_offset_minutes " +
                        "WHERE campaign_id = @campaign_id AND attempts = @attempt AND posterior_json IS NULL;",
                        ("campaign_id", campaignId),
                        ("attempt", attempt),
                        ("posterior_json", posteriorJson),
                        ("updated_utc_ticks", PostgresValues.UtcTicks(at)),
                        ("updated_offset_minutes", PostgresValues.OffsetMinutes(at))),
                    ct).ConfigureAwait(false);
                if (finished == 1)
                {
                    return true;
                }

                return await CampaignExistsAsync(connection, transaction, campaignId, ct).ConfigureAwait(false)
                    ? false
                    : throw StoreRules.UnknownCampaign(campaignId, nameof(campaignId));
            },
            // Like an epoch's report: run again, it would find the supernet trained and answer false.
            idempotent: false,
            cancellationToken);
    }

    public Task<bool> RecordSupernetEvolutionAsync(string campaignId, string evolutionJson, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        SupernetRules.ValidateEvolution(campaignId, evolutionJson);
        return WriteAsync(
            async (connection, transaction, ct) =>
            {
                var kept = await ExecuteAsync(
                    Command(
                        connection,
                        transaction,
                        "UPDATE supernets SET evolution_json = @evolution_json, " +
                        "updated_utc_ticks = @updated_utc_ticks, updated_offset_minutes = @updated_offset_minutes " +
                        "WHERE campaign_id = @campaign_id AND posterior_json IS NOT NULL;",
                        ("campaign_id", campaignId),
                        ("evolution_json", evolutionJson),
                        ("updated_utc_ticks", PostgresValues.UtcTicks(at)),
                        ("updated_offset_minutes", PostgresValues.OffsetMinutes(at))),
                    ct).ConfigureAwait(false);
                if (kept == 1)
                {
                    return true;
                }

                return await CampaignExistsAsync(connection, transaction, campaignId, ct).ConfigureAwait(false)
                    ? false
                    : throw StoreRules.UnknownCampaign(campaignId, nameof(campaignId));
            },
            // Run again after a commit whose outcome was lost, it writes the same evolution and time once more.
            idempotent: true,
            cancellationToken);
    }

    public Task<IReadOnlyList<SupernetEpochRecord>> ListSupernetEpochsAsync(string campaignId, CancellationToken cancellationToken = default)
    {
        StoreRules.RequireId(campaignId, nameof(campaignId));
        return ReadAsync<IReadOnlyList<SupernetEpochRecord>>(
            async (connection, ct) => await QueryAsync(
                Command(
                    connection,
                    null,
                    $"SELECT {PostgresRows.SupernetEpochColumns} FROM supernet_epochs WHERE campaign_id = @campaign_id ORDER BY epoch;",
                    ("campaign_id", campaignId)),
                PostgresRows.SupernetEpoch,
                ct).ConfigureAwait(false),
            cancellationToken);
    }
}
