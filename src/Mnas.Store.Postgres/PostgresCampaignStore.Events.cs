using Mnas.Campaigns;
using Npgsql;

namespace Mnas.Store.Postgres;

public sealed partial class PostgresCampaignStore
{
    public Task<CampaignEvent> AppendEventAsync(string campaignId, string kind, string message, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        StoreRules.ValidateEvent(campaignId, kind, message);
        return WriteAsync(
            async (connection, transaction, ct) =>
            {
                if (!await LockCampaignAsync(connection, transaction, campaignId, ct).ConfigureAwait(false))
                {
                    throw StoreRules.UnknownCampaign(campaignId, nameof(campaignId));
                }

                return await InsertEventAsync(connection, transaction, campaignId, kind, message, at, ct).ConfigureAwait(false);
            },
            idempotent: false,
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
                    $"SELECT {PostgresRows.EventColumns} FROM events WHERE campaign_id = @campaign_id AND id > @after ORDER BY id LIMIT @limit;",
                    ("campaign_id", campaignId),
                    ("after", afterId),
                    ("limit", limit)),
                PostgresRows.Event,
                ct).ConfigureAwait(false),
            cancellationToken);
    }

    /// <summary>Appends an event within <paramref name="transaction"/>, which must hold the campaign's lock (<see cref="LockCampaignAsync"/>).</summary>
    private static async Task<CampaignEvent> InsertEventAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, string campaignId, string kind, string message, DateTimeOffset at, CancellationToken cancellationToken)
    {
        // Holding the campaign's lock, this statement sees every event committed before it:
        // the next id is free and no concurrent append can take it.
        var id = await ScalarAsync(
            Command(
                connection,
                transaction,
                $"""
                INSERT INTO events ({PostgresRows.EventColumns})
                SELECT @campaign_id, COALESCE(MAX(id), 0) + 1, @kind, @message, @at_utc_ticks, @at_offset_minutes
                FROM events WHERE campaign_id = @campaign_id
                RETURNING id;
                """,
                ("campaign_id", campaignId),
                ("kind", kind),
                ("message", message),
                ("at_utc_ticks", PostgresValues.UtcTicks(at)),
                ("at_offset_minutes", PostgresValues.OffsetMinutes(at))),
            cancellationToken).ConfigureAwait(false);
        return new CampaignEvent(campaignId, id, kind, message, at);
    }
}
