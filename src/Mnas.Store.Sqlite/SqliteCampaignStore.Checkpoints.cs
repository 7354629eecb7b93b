using Mnas.Campaigns;

namespace Mnas.Store.Sqlite;

public sealed partial class SqliteCampaignStore
{
    public Task SaveCheckpointAsync(ControllerCheckpoint checkpoint, CancellationToken cancellationToken = default)
    {
        StoreRules.ValidateCheckpoint(checkpoint);
        return WriteAsync(
            async (connection, transaction, ct) =>
            {
                if (!await CampaignExistsAsync(connection, transaction, checkpoint.CampaignId, ct).ConfigureAwait(false))
                {
                    throw StoreRules.UnknownCampaign(checkpoint.CampaignId, "checkpoint.CampaignId");
                }

                var latest = await ScalarAsync(
                    Command(
                        connection,
                        transaction,
                        "SELECT COALESCE(MAX(version), -1) FROM checkpoints WHERE campaign_id = $campaign_id;",
                        ("$campaign_id", checkpoint.CampaignId)),
                    ct).ConfigureAwait(false);
                if (checkpoint.Version <= latest)
                {
                    throw new StaleCheckpointException(checkpoint.CampaignId, latest, checkpoint.Version);
                }

                return await ExecuteAsync(
                    Command(
                        connection,
                        transaction,
                        $"INSERT INTO checkpoints ({SqliteRows.CheckpointColumns}) VALUES ($campaign_id, $version, $last_child_included, $state, $created_at);",
                        ("$campaign_id", checkpoint.CampaignId),
                        ("$version", checkpoint.Version),
                        ("$last_child_included", checkpoint.LastChildIncluded),
                        ("$state", checkpoint.State),
                        ("$created_at", SqliteValues.Time(checkpoint.CreatedAt))),
                    ct).ConfigureAwait(false);
            },
            cancellationToken);
    }

    public Task<ControllerCheckpoint?> GetLatestCheckpointAsync(string campaignId, CancellationToken cancellationToken = default)
    {
        StoreRules.RequireId(campaignId, nameof(campaignId));
        return ReadAsync(
            (connection, ct) => QuerySingleAsync(
                Command(
                    connection,
                    null,
                    $"SELECT {SqliteRows.CheckpointColumns} FROM checkpoints WHERE campaign_id = $campaign_id ORDER BY version DESC LIMIT 1;",
                    ("$campaign_id", campaignId)),
                SqliteRows.Checkpoint,
                ct),
            cancellationToken);
    }
}
