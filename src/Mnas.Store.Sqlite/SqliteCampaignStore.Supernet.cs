using Mnas.Campaigns;

namespace Mnas.Store.Sqlite;

public sealed partial class SqliteCampaignStore
{
    public Task<SupernetRecord?> GetSupernetAsync(string campaignId, CancellationToken cancellationToken = default)
    {
        StoreRules.RequireId(campaignId, nameof(campaignId));
        return ReadAsync(
            (connection, ct) => QuerySingleAsync(
                Command(connection, null, $"SELECT {SqliteRows.SupernetColumns} FROM supernets WHERE campaign_id = $campaign_id;", ("$campaign_id", campaignId)),
                SqliteRows.Supernet,
                ct),
            cancellationToken);
    }

    public Task<SupernetRecord> BeginSupernetAttemptAsync(string campaignId, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        StoreRules.RequireId(campaignId, nameof(campaignId));
        return WriteAsync(
            async (connection, transaction, ct) =>
            {
                if (!await CampaignExistsAsync(connection, transaction, campaignId, ct).ConfigureAwait(false))
                {
                    throw StoreRules.UnknownCampaign(campaignId, nameof(campaignId));
                }

                // A trained supernet is left as it is: the upsert then returns no row.
                return await QuerySingleAsync(
                    Command(
                        connection,
                        transaction,
                        $"""
                        INSERT INTO supernets ({SqliteRows.SupernetColumns}) VALUES ($campaign_id, 1, 0, NULL, NULL, $updated_at, NULL)
                        ON CONFLICT (campaign_id) DO UPDATE SET attempts = attempts + 1, updated_at = excluded.updated_at
                            WHERE posterior_json IS NULL
                        RETURNING {SqliteRows.SupernetColumns};
                        """,
                        ("$campaign_id", campaignId),
                        ("$updated_at", SqliteValues.Time(at))),
                    SqliteRows.Supernet,
                    ct).ConfigureAwait(false) ?? throw SupernetRules.AlreadyTrained(campaignId);
            },
            cancellationToken);
    }

    public Task<bool> RecordSupernetEpochAsync(SupernetEpochRecord epoch, byte[] state, CancellationToken cancellationToken = default)
    {
        SupernetRules.ValidateEpoch(epoch, state);
        return WriteAsync(
            async (connection, transaction, ct) =>
            {
                var advanced = await ExecuteAsync(
                    Command(
                        connection,
                        transaction,
                        "UPDATE supernets SET epochs_done = $epoch, state = $state, updated_at = $updated_at " +
                        "WHERE campaign_id = $campaign_id AND epochs_done = $epoch - 1 AND attempts = $attempt AND posterior_json IS NULL;",
                        ("$campaign_id", epoch.CampaignId),
                        ("$epoch", epoch.Epoch),
                        ("$attempt", epoch.Attempt),
                        ("$state", state),
                        ("$updated_at", SqliteValues.Time(epoch.At))),
                    ct).ConfigureAwait(false);
                if (advanced == 0)
                {
                    return await CampaignExistsAsync(connection, transaction, epoch.CampaignId, ct).ConfigureAwait(false)
                        ? false
                        : throw StoreRules.UnknownCampaign(epoch.CampaignId, "epoch.CampaignId");
                }

                var parameters = SqliteRows.SupernetEpochParameters(epoch);
                await ExecuteAsync(
                    Command(
                        connection,
                        transaction,
                        $"INSERT INTO supernet_epochs ({SqliteRows.SupernetEpochColumns}) VALUES ({string.Join(", ", parameters.Select(p => p.Name))});",
                        parameters),
                    ct).ConfigureAwait(false);
                return true;
            },
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
                        "UPDATE supernets SET posterior_json = $posterior_json, updated_at = $updated_at " +
                        "WHERE campaign_id = $campaign_id AND attempts = $attempt AND posterior_json IS NULL;",
                        ("$campaign_id", campaignId),
                        ("$attempt", attempt),
                        ("$posterior_json", posteriorJson),
                        ("$updated_at", SqliteValues.Time(at))),
                    ct).ConfigureAwait(false);
                if (finished == 1)
                {
                    return true;
                }

                return await CampaignExistsAsync(connection, transaction, campaignId, ct).ConfigureAwait(false)
                    ? false
                    : throw StoreRules.UnknownCampaign(campaignId, nameof(campaignId));
            },
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
                        "UPDATE supernets SET evolution_json = $evolution_json, updated_at = $updated_at " +
                        "WHERE campaign_id = $campaign_id AND posterior_json IS NOT NULL;",
                        ("$campaign_id", campaignId),
                        ("$evolution_json", evolutionJson),
                        ("$updated_at", SqliteValues.Time(at))),
                    ct).ConfigureAwait(false);
                if (kept == 1)
                {
                    return true;
                }

                return await CampaignExistsAsync(connection, transaction, campaignId, ct).ConfigureAwait(false)
                    ? false
                    : throw StoreRules.UnknownCampaign(campaignId, nameof(campaignId));
            },
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
                    $"SELECT {SqliteRows.SupernetEpochColumns} FROM supernet_epochs WHERE campaign_id = $campaign_id ORDER BY epoch;",
                    ("$campaign_id", campaignId)),
                SqliteRows.SupernetEpoch,
                ct).ConfigureAwait(false),
            cancellationToken);
    }
}
