using Mnas.Campaigns;

namespace Mnas.Store.Sqlite;

public sealed partial class SqliteCampaignStore
{
    public Task SaveChildCurveAsync(string campaignId, long sequence, IReadOnlyList<ChildEpoch> curve, CancellationToken cancellationToken = default)
    {
        StoreRules.ValidateCurve(campaignId, sequence, curve);
        return WriteAsync(
            async (connection, transaction, ct) =>
            {
                var exists = await ScalarAsync(
                    Command(
                        connection,
                        transaction,
                        "SELECT EXISTS (SELECT 1 FROM children WHERE campaign_id = $campaign_id AND sequence = $sequence);",
                        ("$campaign_id", campaignId),
                        ("$sequence", sequence)),
                    ct).ConfigureAwait(false);
                if (exists == 0)
                {
                    throw await CampaignExistsAsync(connection, transaction, campaignId, ct).ConfigureAwait(false)
                        ? StoreRules.UnknownChild(campaignId, sequence, nameof(sequence))
                        : StoreRules.UnknownCampaign(campaignId, nameof(campaignId));
                }

                await ExecuteAsync(
                    Command(
                        connection,
                        transaction,
                        "DELETE FROM child_curves WHERE campaign_id = $campaign_id AND sequence = $sequence;",
                        ("$campaign_id", campaignId),
                        ("$sequence", sequence)),
                    ct).ConfigureAwait(false);
                foreach (var epoch in curve)
                {
                    await ExecuteAsync(
                        Command(
                            connection,
                            transaction,
                            $"INSERT INTO child_curves ({SqliteRows.CurveColumns}) VALUES ($campaign_id, $sequence, $epoch, $train_loss, $validation_accuracy);",
                            ("$campaign_id", campaignId),
                            ("$sequence", sequence),
                            ("$epoch", epoch.Epoch),
                            ("$train_loss", epoch.TrainLoss),
                            ("$validation_accuracy", epoch.ValidationAccuracy)),
                        ct).ConfigureAwait(false);
                }

                return curve.Count;
            },
            cancellationToken);
    }

    public Task<IReadOnlyList<ChildEpoch>> GetChildCurveAsync(string campaignId, long sequence, CancellationToken cancellationToken = default)
    {
        StoreRules.RequireId(campaignId, nameof(campaignId));
        StoreRules.RequireSequence(sequence, nameof(sequence));
        return ReadAsync<IReadOnlyList<ChildEpoch>>(
            async (connection, ct) => await QueryAsync(
                Command(
                    connection,
                    null,
                    "SELECT epoch, train_loss, validation_accuracy FROM child_curves WHERE campaign_id = $campaign_id AND sequence = $sequence ORDER BY epoch;",
                    ("$campaign_id", campaignId),
                    ("$sequence", sequence)),
                SqliteRows.Epoch,
                ct).ConfigureAwait(false),
            cancellationToken);
    }
}
