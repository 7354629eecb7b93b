using Mnas.Campaigns;
using NpgsqlTypes;

namespace Mnas.Store.Postgres;

public sealed partial class PostgresCampaignStore
{
    public Task RecordSearchRoundAsync(SearchRoundRecord round, CancellationToken cancellationToken = default)
    {
        SearchRules.ValidateRound(round);
        return WriteAsync(
            async (connection, transaction, ct) =>
            {
                // The campaign's lock keeps it from being deleted before the round's row names it.
                if (!await LockCampaignAsync(connection, transaction, round.CampaignId, ct).ConfigureAwait(false))
                {
                    throw StoreRules.UnknownCampaign(round.CampaignId, "round.CampaignId");
                }

                return await ExecuteAsync(
                    Command(
                        connection,
                        transaction,
                        $"""
                        INSERT INTO search_rounds ({PostgresRows.SearchRoundColumns})
                        VALUES (@campaign_id, @round, @stage, @json, @recorded_utc_ticks, @recorded_offset_minutes)
                        ON CONFLICT (campaign_id, round) DO UPDATE SET stage = EXCLUDED.stage, json = EXCLUDED.json,
                            recorded_utc_ticks = EXCLUDED.recorded_utc_ticks, recorded_offset_minutes = EXCLUDED.recorded_offset_minutes;
                        """,
                        ("campaign_id", round.CampaignId),
                        ("round", round.Round),
                        ("stage", round.Stage),
                        ("json", round.Json),
                        ("recorded_utc_ticks", PostgresValues.UtcTicks(round.RecordedAt)),
                        ("recorded_offset_minutes", PostgresValues.OffsetMinutes(round.RecordedAt))),
                    ct).ConfigureAwait(false);
            },
            // Run again after a commit whose outcome was lost, it writes the same round once more.
            idempotent: true,
            cancellationToken);
    }

    public Task<IReadOnlyList<SearchRoundRecord>> ListSearchRoundsAsync(string campaignId, CancellationToken cancellationToken = default)
    {
        StoreRules.RequireId(campaignId, nameof(campaignId));
        return ReadAsync<IReadOnlyList<SearchRoundRecord>>(
            async (connection, ct) => await QueryAsync(
                Command(
                    connection,
                    null,
                    $"SELECT {PostgresRows.SearchRoundColumns} FROM search_rounds WHERE campaign_id = @campaign_id ORDER BY round;",
                    ("campaign_id", campaignId)),
                PostgresRows.SearchRound,
                ct).ConfigureAwait(false),
            cancellationToken);
    }

    public Task<int> AddLatencyEntriesAsync(string campaignId, IReadOnlyDictionary<string, double> entries, CancellationToken cancellationToken = default)
    {
        SearchRules.ValidateLatencyEntries(campaignId, entries);
        var keys = entries.Keys.ToArray();
        var latencies = keys.Select(key => entries[key]).ToArray();
        return WriteAsync(
            async (connection, transaction, ct) =>
            {
                if (!await LockCampaignAsync(connection, transaction, campaignId, ct).ConfigureAwait(false))
                {
                    throw StoreRules.UnknownCampaign(campaignId, nameof(campaignId));
                }

                var command = Command(
                    connection,
                    transaction,
                    "INSERT INTO latency_entries (campaign_id, operator_key, latency_ms) " +
                    "SELECT @campaign_id, entry.operator_key, entry.latency_ms FROM unnest(@keys, @latencies) AS entry (operator_key, latency_ms) " +
                    "ON CONFLICT (campaign_id, operator_key) DO NOTHING;",
                    ("campaign_id", campaignId));
                command.Parameters.AddWithValue("keys", NpgsqlDbType.Array | NpgsqlDbType.Text, keys);
                command.Parameters.AddWithValue("latencies", NpgsqlDbType.Array | NpgsqlDbType.Double, latencies);
                return await ExecuteAsync(command, ct).ConfigureAwait(false);
            },
            // Run again after a commit whose outcome was lost, it would find its entries there and answer 0.
            idempotent: false,
            cancellationToken);
    }

    public Task<IReadOnlyDictionary<string, double>> GetLatencyTableAsync(string campaignId, CancellationToken cancellationToken = default)
    {
        StoreRules.RequireId(campaignId, nameof(campaignId));
        return ReadAsync<IReadOnlyDictionary<string, double>>(
            async (connection, ct) =>
            {
                var rows = await QueryAsync(
                    Command(
                        connection,
                        null,
                        "SELECT operator_key, latency_ms FROM latency_entries WHERE campaign_id = @campaign_id;",
                        ("campaign_id", campaignId)),
                    row => (Key: row.GetString(0), LatencyMs: row.GetDouble(1)),
                    ct).ConfigureAwait(false);
                return rows.ToDictionary(row => row.Key, row => row.LatencyMs, StringComparer.Ordinal);
            },
            cancellationToken);
    }
}
