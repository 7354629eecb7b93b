using Mnas.Campaigns;

namespace Mnas.Store.Postgres;

public sealed partial class PostgresCampaignStore
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
                        $"INSERT INTO controller_updates ({PostgresRows.ControllerUpdateColumns}) " +
                        "VALUES (@campaign_id, @version, @at_utc_ticks, @at_offset_minutes, @children, @mean_reward, @baseline, @entropy) " +
                        "ON CONFLICT DO NOTHING;",
                        ("campaign_id", update.CampaignId),
                        ("version", update.Version),
                        ("at_utc_ticks", PostgresValues.UtcTicks(update.At)),
                        ("at_offset_minutes", PostgresValues.OffsetMinutes(update.At)),
                        ("children", update.Children),
                        ("mean_reward", update.MeanReward),
                        ("baseline", update.Baseline),
                        ("entropy", update.Entropy)),
                    ct).ConfigureAwait(false) == 1;
            },
            idempotent: false,
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
                    $"SELECT {PostgresRows.ControllerUpdateColumns} FROM controller_updates WHERE campaign_id = @campaign_id ORDER BY version;",
                    ("campaign_id", campaignId)),
                PostgresRows.ControllerUpdate,
                ct).ConfigureAwait(false),
            cancellationToken);
    }
}
