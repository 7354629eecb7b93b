using Microsoft.Data.Sqlite;
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

                return await InsertEventAsync(connection, transaction, campaignId, kind, message, at, ct).ConfigureAwait(false);
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

    /// <summary>Appends an event to an existing campaign within <paramref name="transaction"/>, numbered after the campaign's last.</summary>
    private static async Task<CampaignEvent> InsertEventAsync(
        SqliteConnection connection, SqliteTransaction transaction, string campaignId, string kind, string message, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var id = await ScalarAsync(
            Command(connection, transaction, "SELECT COALESCE(MAX(id), 0) + 1 FROM events WHERE campaign_id = $campaign_id;", ("$campaign_id", campaignId)),
            cancellationToken).ConfigureAwait(false);
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
            cancellationToken).ConfigureAwait(false);
        return new CampaignEvent(campaignId, id, kind, message, at);
    }
}
