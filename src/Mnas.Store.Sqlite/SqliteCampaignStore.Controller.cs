using Mnas.Campaigns;

namespace Mnas.Store.Sqlite;

public sealed partial class SqliteCampaignStore
{
    public Task<bool> AppendControllerUpdateAsync(ControllerUpdateRecord update, CancellationToken cancellationToken = default)
    {
        StoreRules.ValidateControllerUpdate(update);
        return WriteAsync(
            async (connection, transaction, ct) =>
            {
                if (!await CampaignExistsAsync(connection, transaction, update.CampaignId, ct).ConfigureAwait(false))
                {
                    throw StoreRules.UnknownCampaign(update.CampaignId, "update.CampaignId");
                }

                return await ExecuteAsync(
                    Command(
                        connection,
                        transaction,
                        $"INSERT INTO controller_updates ({SqliteRows.ControllerUpdateColumns}) " +
                        "VALUES ($campaign_id, $version, $at, $children, $mean_reward, $baseline, $entropy) ON CONFLICT DO NOTHING;",
                        ("$campaign_id", update.CampaignId),
                        ("$version", update.Version),
                        ("$at", SqliteValues.Time(update.At)),
                        ("$children", update.Children),
                        ("$mean_reward", update.MeanReward),
                        ("$baseline", update.Baseline),
                        ("$entropy", update.Entropy)),
                    ct).ConfigureAwait(false) == 1;
            },
            cancellationToken);
    }

    public Task<IReadOnlyList<ControllerUpdateRecord>> ListControllerUpdatesAsync(string campaignId, CancellationToken cancellationToken = default)
    {
        StoreRules.RequireId(campaignId, nameof(campaignId));
        return ReadAsync<IReadOnlyList<ControllerUpdateRecord>>(
            async (connection, ct) => await QueryAsync(
                Command(
                    connection,
                    null,
                    $"SELECT {SqliteRows.ControllerUpdateColumns} FROM controller_updates WHERE campaign_id = $campaign_id ORDER BY version;",
                    ("$campaign_id", campaignId)),
                SqliteRows.ControllerUpdate,
                ct).ConfigureAwait(false),
            cancellationToken);
    }
}
