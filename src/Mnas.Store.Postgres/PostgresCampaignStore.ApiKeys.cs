using Mnas.Campaigns;

namespace Mnas.Store.Postgres;

public sealed partial class PostgresCampaignStore
{
    public Task CreateApiKeyAsync(ApiKey key, CancellationToken cancellationToken = default)
    {
        StoreRules.ValidateApiKey(key);
        return WriteAsync(
            async (connection, transaction, ct) =>
            {
                var parameters = PostgresRows.ApiKeyParameters(key);
                var inserted = await ExecuteAsync(
                    Command(
                        connection,
                        transaction,
                        $"INSERT INTO api_keys ({PostgresRows.ApiKeyColumns}) VALUES ({PostgresRows.Placeholders(parameters)}) ON CONFLICT (id) DO NOTHING;",
                        parameters),
                    ct).ConfigureAwait(false);
                return inserted == 1 ? inserted : throw new DuplicateApiKeyException(key.Id);
            },
            idempotent: false,
            cancellationToken);
    }

    public Task<ApiKey?> GetApiKeyAsync(string keyId, CancellationToken cancellationToken = default)
    {
        StoreRules.RequireId(keyId, nameof(keyId));
        return ReadAsync(
            (connection, ct) => QuerySingleAsync(
                Command(connection, null, $"SELECT {PostgresRows.ApiKeyColumns} FROM api_keys WHERE id = @id;", ("id", keyId)),
                PostgresRows.ApiKey,
                ct),
            cancellationToken);
    }

    public Task<IReadOnlyList<ApiKey>> ListApiKeysAsync(CancellationToken cancellationToken = default) =>
        ReadAsync<IReadOnlyList<ApiKey>>(
            async (connection, ct) => await QueryAsync(
                Command(connection, null, $"SELECT {PostgresRows.ApiKeyColumns} FROM api_keys ORDER BY position;"),
                PostgresRows.ApiKey,
                ct).ConfigureAwait(false),
            cancellationToken);

    public Task<ApiKey?> RevokeApiKeyAsync(string keyId, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        StoreRules.RequireId(keyId, nameof(keyId));
        return WriteAsync(
            async (connection, transaction, ct) =>
            {
                await ExecuteAsync(
                    Command(
                        connection,
                        transaction,
                        "UPDATE api_keys SET revoked_utc_ticks = @ticks, revoked_offset_minutes = @offset WHERE id = @id AND revoked_utc_ticks IS NULL;",
                        ("id", keyId),
                        ("ticks", PostgresValues.UtcTicks(at)),
                        ("offset", PostgresValues.OffsetMinutes(at))),
                    ct).ConfigureAwait(false);
                return await QuerySingleAsync(
                    Command(connection, transaction, $"SELECT {PostgresRows.ApiKeyColumns} FROM api_keys WHERE id = @id;", ("id", keyId)),
                    PostgresRows.ApiKey,
                    ct).ConfigureAwait(false);
            },
            idempotent: true,
            cancellationToken);
    }
}
