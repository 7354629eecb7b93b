using Microsoft.Data.Sqlite;
using Mnas.Campaigns;

namespace Mnas.Store.Sqlite;

public sealed partial class SqliteCampaignStore
{
    public Task CreateCampaignAsync(Campaign campaign, CancellationToken cancellationToken = default)
    {
        StoreRules.ValidateCampaign(campaign);
        return WriteAsync(
            async (connection, transaction, ct) =>
            {
                if (await CampaignExistsAsync(connection, transaction, campaign.Id, ct).ConfigureAwait(false))
                {
                    throw new DuplicateCampaignException(campaign.Id);
                }

                return await ExecuteAsync(
                    Command(
                        connection,
                        transaction,
                        $"INSERT INTO campaigns ({SqliteRows.CampaignColumns}) VALUES ($id, $name, $spec_json, $strategy, $seed, $status, $created_at, $owner);",
                        ("$id", campaign.Id),
                        ("$name", campaign.Name),
                        ("$spec_json", campaign.SpecJson),
                        ("$strategy", campaign.Strategy),
                        ("$seed", campaign.Seed),
                        ("$status", SqliteValues.Name(campaign.Status)),
                        ("$created_at", SqliteValues.Time(campaign.CreatedAt)),
                        ("$owner", campaign.Owner)),
                    ct).ConfigureAwait(false);
            },
            cancellationToken);
    }

    public Task<Campaign?> GetCampaignAsync(string campaignId, CancellationToken cancellationToken = default)
    {
        StoreRules.RequireId(campaignId, nameof(campaignId));
        return ReadAsync(
            (connection, ct) => SelectCampaignAsync(connection, null, campaignId, ct),
            cancellationToken);
    }

    public Task<IReadOnlyList<Campaign>> ListCampaignsAsync(CancellationToken cancellationToken = default) =>
        ReadAsync<IReadOnlyList<Campaign>>(
            async (connection, ct) => await QueryAsync(
                Command(connection, null, $"SELECT {SqliteRows.CampaignColumns} FROM campaigns ORDER BY position;"),
                SqliteRows.Campaign,
                ct).ConfigureAwait(false),
            cancellationToken);

    public Task<Campaign> UpdateCampaignStatusAsync(string campaignId, CampaignStatus status, CancellationToken cancellationToken = default)
    {
        StoreRules.RequireId(campaignId, nameof(campaignId));
        StoreRules.RequireDefined(status, nameof(status));
        return WriteAsync(
            async (connection, transaction, ct) =>
            {
                // A cancelled campaign stays cancelled.
                await ExecuteAsync(
                    Command(
                        connection,
                        transaction,
                        "UPDATE campaigns SET status = $status WHERE id = $id AND status <> $cancelled;",
                        ("$id", campaignId),
                        ("$status", SqliteValues.Name(status)),
                        ("$cancelled", SqliteValues.Name(CampaignStatus.Cancelled))),
                    ct).ConfigureAwait(false);
                return await SelectCampaignAsync(connection, transaction, campaignId, ct).ConfigureAwait(false)
                    ?? throw StoreRules.UnknownCampaign(campaignId, nameof(campaignId));
            },
            cancellationToken);
    }

    public Task<bool> DeleteCampaignAsync(string campaignId, CancellationToken cancellationToken = default)
    {
        StoreRules.RequireId(campaignId, nameof(campaignId));
        return WriteAsync(
            async (connection, transaction, ct) =>
            {
                if (!await CampaignExistsAsync(connection, transaction, campaignId, ct).ConfigureAwait(false))
                {
                    return false;
                }

                // Every table that references the campaigns, found in the schema so that tables added later are
                // covered too; the foreign keys are checked at the commit, so the order of the deletes does not matter.
                await ExecuteAsync(Command(connection, transaction, "PRAGMA defer_foreign_keys = ON;"), ct).ConfigureAwait(false);
                var references = await QueryAsync(
                    Command(
                        connection,
                        transaction,
                        "SELECT m.name, f.\"from\" FROM sqlite_schema AS m JOIN pragma_foreign_key_list(m.name) AS f " +
                        "WHERE m.type = 'table' AND f.\"table\" = 'campaigns' AND f.\"to\" = 'id';"),
                    row => (Table: row.GetString(0), Column: row.GetString(1)),
                    ct).ConfigureAwait(false);
                foreach (var (table, column) in references)
                {
                    await ExecuteAsync(
                        Command(connection, transaction, $"DELETE FROM \"{table}\" WHERE \"{column}\" = $id;", ("$id", campaignId)),
                        ct).ConfigureAwait(false);
                }

                await ExecuteAsync(Command(connection, transaction, "DELETE FROM campaigns WHERE id = $id;", ("$id", campaignId)), ct)
                    .ConfigureAwait(false);
                return true;
            },
            cancellationToken);
    }

    private static Task<Campaign?> SelectCampaignAsync(SqliteConnection connection, SqliteTransaction? transaction, string campaignId, CancellationToken cancellationToken) =>
        QuerySingleAsync(
            Command(connection, transaction, $"SELECT {SqliteRows.CampaignColumns} FROM campaigns WHERE id = $id;", ("$id", campaignId)),
            SqliteRows.Campaign,
            cancellationToken);
}
