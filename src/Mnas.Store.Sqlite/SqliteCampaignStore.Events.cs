using Mnas.Campaigns;

namespace Mnas.Store.Sqlite;

public sealed partial class SqliteCampaignStore
{
    public Task<CampaignEvent> AppendEventAsync(string campaignId, string kind, string message, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        StoreRules.ValidateEvent(campaignId, kind, message);
        return WriteAsync(
            async (connection, transaction, ct) =>
            {
                if (!await CampaignExistsAsync(connection, transaction, campaignId, ct).ConfigureAwait(false))
                {
                    throw StoreRules.UnknownCampaign(campaignId, nameof(campaignId));
                }

                var id = await ScalarAsync(
                    Command(connection, transaction, "SELECT COALESCE(MAX(id), 0) + 1 FROM events WHERE campaign_id = $campaign_id;", ("$campaign_id", campaignId)),
                    ct).ConfigureAwait(false);
                var appended = new CampaignEvent(campaignId, id, kind, message, at);
                await ExecuteAsync(
                    Command(
                        connection,
                        transaction,
                        $"INSERT INTO events ({SqliteRows.EventColumns}) VALUES ($campaign_id, $id, $kind, $message, $at);",
                        ("$campaign_id", campaignId),
                        ("$id", id),
                        ("$kind", kind),
                        ("$message", message),
                        ("$at", SqliteValues.Time(at))),
                    ct).ConfigureAwait(false);
                return appended;
            },
            cancellationToken);
    }

    public Task<IReadOnlyList<CampaignEvent>> ListEventsAsync(string campaignId, long afterId = 0, int limit = 100, CancellationToken cancellationToken = default)
    {
        StoreRules.ValidateEventPage(campaignId, afterId, limit);
        return ReadAsync<IReadOnlyList<CampaignEvent>>(
            async (connection, ct) => await QueryAsync(
                Command(
                    connection,
                    null,
                    $"SELECT {SqliteRows.EventColumns} FROM events WHERE campaign_id = $campaign_id AND id > $after ORDER BY id LIMIT $limit;",
                    ("$campaign_id", campaignId),
                    ("$after", afterId),
                    ("$limit", limit)),
                SqliteRows.Event,
                ct).ConfigureAwait(false),
            cancellationToken);
    }
}
