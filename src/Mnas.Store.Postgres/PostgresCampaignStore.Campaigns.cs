using Mnas.Campaigns;
using Npgsql;

namespace Mnas.Store.Postgres;

public sealed partial class PostgresCampaignStore
{
    public Task CreateCampaignAsync(Campaign campaign, CancellationToken cancellationToken = default)
    {
        StoreRules.ValidateCampaign(campaign);
        return WriteAsync(
            async (connection, transaction, ct) =>
            {
                var parameters = PostgresRows.CampaignParameters(campaign);
                var inserted = await ExecuteAsync(
                    Command(
                        connection,
                        transaction,
                        $"INSERT INTO campaigns ({PostgresRows.CampaignColumns}) VALUES ({PostgresRows.Placeholders(parameters)}) ON CONFLICT (id) DO NOTHING;",
                        parameters),
                    ct).ConfigureAwait(false);
                return inserted == 1 ? inserted : throw new DuplicateCampaignException(campaign.Id);
            },
            idempotent: false,
            cancellationToken);
    }

    public Task<Campaign?> GetCampaignAsync(string campaignId, CancellationToken cancellationToken = default)
    {
        StoreRules.RequireId(campaignId, nameof(campaignId));
        return ReadAsync((connection, ct) => SelectCampaignAsync(connection, null, campaignId, ct), cancellationToken);
    }

    public Task<IReadOnlyList<Campaign>> ListCampaignsAsync(CancellationToken cancellationToken = default) =>
        ReadAsync<IReadOnlyList<Campaign>>(
            async (connection, ct) => await QueryAsync(
                Command(connection, null, $"SELECT {PostgresRows.CampaignColumns} FROM campaigns ORDER BY position;"),
                PostgresRows.Campaign,
                ct).ConfigureAwait(false),
            cancellationToken);

    public Task<Campaign> UpdateCampaignStatusAsync(string campaignId, CampaignStatus status, CancellationToken cancellationToken = default)
    {
        StoreRules.RequireId(campaignId, nameof(campaignId));
        StoreRules.RequireDefined(status, nameof(status));
        return WriteAsync(
            async (connection, transaction, ct) =>
            {
                var updated = await QuerySingleAsync(
                    Command(
                        connection,
                        transaction,
                        $"UPDATE campaigns SET status = @status WHERE id = @id AND status <> @cancelled RETURNING {PostgresRows.CampaignColumns};",
                        ("id", campaignId),
                        ("status", PostgresValues.Name(status)),
                        ("cancelled", PostgresValues.Name(CampaignStatus.Cancelled))),
                    PostgresRows.Campaign,
                    ct).ConfigureAwait(false);
                // Nothing updated: no such campaign, or a cancelled one, which stays as it is.
                return updated
                    ?? await SelectCampaignAsync(connection, transaction, campaignId, ct).ConfigureAwait(false)
                    ?? throw StoreRules.UnknownCampaign(campaignId, nameof(campaignId));
            },
            idempotent: true,
            cancellationToken);
    }

    public Task<bool> DeleteCampaignAsync(string campaignId, CancellationToken cancellationToken = default)
    {
        StoreRules.RequireId(campaignId, nameof(campaignId));
        return WriteAsync(
            async (connection, transaction, ct) =>
            {
                // The campaign's row locked first, so no writer adds to it meanwhile.
                if (!await LockCampaignAsync(connection, transaction, campaignId, ct).ConfigureAwait(false))
                {
                    return false;
                }

                foreach (var (table, column) in await CampaignReferencesAsync(connection, transaction, ct).ConfigureAwait(false))
                {
                    await ExecuteAsync(
                        Command(connection, transaction, $"DELETE FROM {PostgresSchema.Quote(table)} WHERE {PostgresSchema.Quote(column)} = @id;", ("id", campaignId)),
                        ct).ConfigureAwait(false);
                }

                await ExecuteAsync(Command(connection, transaction, "DELETE FROM campaigns WHERE id = @id;", ("id", campaignId)), ct)
                    .ConfigureAwait(false);
                return true;
            },
            idempotent: true,
            cancellationToken);
    }

    /// <summary>
    /// The columns that reference a campaign's id, found in the schema's foreign keys so that tables added later are
    /// covered too, ordered so that a table comes before any table it references (its rows go first).
    /// </summary>
    private async Task<List<(string Table, string Column)>> CampaignReferencesAsync(NpgsqlConnection connection, NpgsqlTransaction transaction,
        CancellationToken cancellationToken)
    {
        var keys = await QueryAsync(
            Command(
                connection,
                transaction,
                """
                SELECT child.relname, parent.relname, child_column.attname, parent_column.attname
                FROM pg_constraint AS c
                JOIN pg_class AS child ON child.oid = c.conrelid
                JOIN pg_class AS parent ON parent.oid = c.confrelid
                JOIN pg_namespace AS n ON n.oid = child.relnamespace
                JOIN pg_attribute AS child_column ON child_column.attrelid = c.conrelid AND child_column.attnum = c.conkey[1]
                JOIN pg_attribute AS parent_column ON parent_column.attrelid = c.confrelid AND parent_column.attnum = c.confkey[1]
                WHERE c.contype = 'f' AND n.nspname = @schema;
                """,
                ("schema", Schema)),
            row => (Table: row.GetString(0), Referenced: row.GetString(1), Column: row.GetString(2), ReferencedColumn: row.GetString(3)),
            cancellationToken).ConfigureAwait(false);
        var direct = keys.Where(k => k.Referenced == "campaigns" && k.ReferencedColumn == "id").Select(k => (k.Table, k.Column)).Distinct().ToList();
        var ordered = new List<(string Table, string Column)>();
        var remaining = direct.ToList();
        while (remaining.Count > 0)
        {
            // A table nothing remaining references can go now; a cycle falls back to the order found.
            var next = remaining.FirstOrDefault(r => !remaining.Any(o => o.Table != r.Table && keys.Any(k => k.Table == o.Table && k.Referenced == r.Table)));
            next = next == default ? remaining[0] : next;
            ordered.Add(next);
            remaining.Remove(next);
        }

        return ordered;
    }

    private static Task<Campaign?> SelectCampaignAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, string campaignId, CancellationToken cancellationToken) =>
        QuerySingleAsync(
            Command(connection, transaction, $"SELECT {PostgresRows.CampaignColumns} FROM campaigns WHERE id = @id;", ("id", campaignId)),
            PostgresRows.Campaign,
            cancellationToken);
}
