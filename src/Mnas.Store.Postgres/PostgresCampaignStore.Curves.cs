using Mnas.Campaigns;

namespace Mnas.Store.Postgres;

public sealed partial class PostgresCampaignStore
{
    public Task SaveChildCurveAsync(string campaignId, long sequence, IReadOnlyList<ChildEpoch> curve, CancellationToken cancellationToken = default)
    {
        StoreRules.ValidateCurve(campaignId, sequence, curve);
        return WriteAsync(
            async (connection, transaction, ct) =>
            {
                // The child's row lock makes concurrent saves of its curve go one at a time.
                var locked = await QueryAsync(
                    Command(
                        connection,
                        transaction,
                        "SELECT 1 FROM children WHERE campaign_id = @campaign_id AND sequence = @sequence FOR NO KEY UPDATE;",
                        ("campaign_id", campaignId),
                        ("sequence", sequence)),
                    row => row.GetInt32(0),
                    ct).ConfigureAwait(false);
                if (locked.Count == 0)
                {
                    throw await CampaignExistsAsync(connection, transaction, campaignId, ct).ConfigureAwait(false)
                        ? StoreRules.UnknownChild(campaignId, sequence, nameof(sequence))
                        : StoreRules.UnknownCampaign(campaignId, nameof(campaignId));
                }

                await ExecuteAsync(
                    Command(
                        connection,
                        transaction,
                        "DELETE FROM child_curves WHERE campaign_id = @campaign_id AND sequence = @sequence;",
                        ("campaign_id", campaignId),
                        ("sequence", sequence)),
                    ct).ConfigureAwait(false);
                return await ExecuteAsync(
                    Command(
                        connection,
                        transaction,
                        $"""
                        INSERT INTO child_curves ({PostgresRows.CurveColumns})
                        SELECT @campaign_id, @sequence, e, l, a FROM unnest(@epochs, @losses, @accuracies) AS t (e, l, a);
                        """,
                        ("campaign_id", campaignId),
                        ("sequence", sequence),
                        ("epochs", curve.Select(e => e.Epoch).ToArray()),
                        ("losses", curve.Select(e => e.TrainLoss).ToArray()),
                        ("accuracies", curve.Select(e => e.ValidationAccuracy).ToArray())),
                    ct).ConfigureAwait(false);
            },
            idempotent: true,
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
                    "SELECT epoch, train_loss, validation_accuracy FROM child_curves WHERE campaign_id = @campaign_id AND sequence = @sequence ORDER BY epoch;",
                    ("campaign_id", campaignId),
                    ("sequence", sequence)),
                PostgresRows.Epoch,
                ct).ConfigureAwait(false),
            cancellationToken);
    }
}
