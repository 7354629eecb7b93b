using Mnas.Campaigns;

namespace Mnas.Store.Sqlite;

public sealed partial class SqliteCampaignStore
{
    public Task RecordSearchRoundAsync(SearchRoundRecord round, CancellationToken cancellationToken = default)
    {
        SearchRules.ValidateRound(round);
        return WriteAsync(
            async (connection, transaction, ct) =>
            {
                if (!await CampaignExistsAsync(connection, transaction, round.CampaignId, ct).ConfigureAwait(false))
                {
                    throw StoreRules.UnknownCampaign(round.CampaignId, "round.CampaignId");
                }

                return await ExecuteAsync(
                    Command(
                        connection,
                        transaction,
                        $"""
                        INSERT INTO search_rounds ({SqliteRows.SearchRoundColumns}) VALUES ($campaign_id, $round, $stage, $json, $recorded_at)
                        ON CONFLICT (campaign_id, round) DO UPDATE SET stage = excluded.stage, json = excluded.json, recorded_at = excluded.recorded_at;
                        """,
                        ("$campaign_id", round.CampaignId),
                        ("$round", round.Round),
                        ("$stage", round.Stage),
                        ("$json", round.Json),
                        ("$recorded_at", SqliteValues.Time(round.RecordedAt))),
                    ct).ConfigureAwait(false);
            },
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
                    $"SELECT {SqliteRows.SearchRoundColumns} FROM search_rounds WHERE campaign_id = $campaign_id ORDER BY round;",
                    ("$campaign_id", campaignId)),
                SqliteRows.SearchRound,
                ct).ConfigureAwait(false),
            cancellationToken);
    }

    public Task<int> AddLatencyEntriesAsync(string campaignId, IReadOnlyDictionary<string, double> entries, CancellationToken cancellationToken = default)
    {
        SearchRules.ValidateLatencyEntries(campaignId, entries);
        return WriteAsync(
            async (connection, transaction, ct) =>
            {
                if (!await CampaignExistsAsync(connection, transaction, campaignId, ct).ConfigureAwait(false))
                {
                    throw StoreRules.UnknownCampaign(campaignId, nameof(campaignId));
                }

                await using var insert = Command(
                    connection,
                    transaction,
                    "INSERT INTO latency_entries (campaign_id, operator_key, latency_ms) VALUES ($campaign_id, $operator_key, $latency_ms) " +
                    "ON CONFLICT (campaign_id, operator_key) DO NOTHING;",
                    ("$campaign_id", campaignId),
                    ("$operator_key", ""),
                    ("$latency_ms", 0.0));
                var added = 0;
                foreach (var (key, latencyMs) in entries)
                {
                    insert.Parameters["$operator_key"].Value = key;
                    insert.Parameters["$latency_ms"].Value = latencyMs;
                    added += await insert.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
                }

                return added;
            },
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
                        "SELECT operator_key, latency_ms FROM latency_entries WHERE campaign_id = $campaign_id ORDER BY operator_key;",
                        ("$campaign_id", campaignId)),
                    row => (Key: row.GetString(0), LatencyMs: row.GetDouble(1)),
                    ct).ConfigureAwait(false);
                return rows.ToDictionary(row => row.Key, row => row.LatencyMs, StringComparer.Ordinal);
            },
            cancellationToken);
    }
}
