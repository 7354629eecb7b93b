using Mnas.Campaigns;

namespace Mnas.Store.Postgres;

public sealed partial class PostgresCampaignStore
{
    public Task SaveCheckpointAsync(ControllerCheckpoint checkpoint, CancellationToken cancellationToken = default)
    {
        StoreRules.ValidateCheckpoint(checkpoint);
        return WriteAsync(
            async (connection, transaction, ct) =>
            {
                if (!await LockCampaignAsync(connection, transaction, checkpoint.CampaignId, ct).ConfigureAwait(false))
                {
                    throw StoreRules.UnknownCampaign(checkpoint.CampaignId, "checkpoint.CampaignId");
                }

                // Holding the campaign's lock, this statement sees every checkpoint committed before it.
                var latest = await ScalarAsync(
                    Command(
                        connection,
                        transaction,
                        "SELECT COALESCE(MAX(version), -1) FROM checkpoints WHERE campaign_id = @campaign_id;",
                        ("campaign_id", checkpoint.CampaignId)),
                    ct).ConfigureAwait(false);
                if (checkpoint.Version <= latest)
                {
                    throw new StaleCheckpointException(checkpoint.CampaignId, latest, checkpoint.Version);
                }

                var parameters = PostgresRows.CheckpointParameters(checkpoint);
                return await ExecuteAsync(
                    Command(
                        connection,
                        transaction,
                        $"INSERT INTO checkpoints ({PostgresRows.CheckpointColumns}) VALUES ({PostgresRows.Placeholders(parameters)});",
                        parameters),
                    ct).ConfigureAwait(false);
            },
            idempotent: false,
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
                    $"SELECT {PostgresRows.CheckpointColumns} FROM checkpoints WHERE campaign_id = @campaign_id ORDER BY version DESC LIMIT 1;",
                    ("campaign_id", campaignId)),
                PostgresRows.Checkpoint,
                ct),
            cancellationToken);
    }
}
