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
                        $"UPDATE campaigns SET status = @status WHERE id = @id RETURNING {PostgresRows.CampaignColumns};",
                        ("id", campaignId),
                        ("status", PostgresValues.Name(status))),
                    PostgresRows.Campaign,
                    ct).ConfigureAwait(false);
                return updated ?? throw StoreRules.UnknownCampaign(campaignId, nameof(campaignId));
            },
            idempotent: true,
            cancellationToken);
    }

    private static Task<Campaign?> SelectCampaignAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, string campaignId, CancellationToken cancellationToken) =>
        QuerySingleAsync(
            Command(connection, transaction, $"SELECT {PostgresRows.CampaignColumns} FROM campaigns WHERE id = @id;", ("id", campaignId)),
            PostgresRows.Campaign,
            cancellationToken);
}
