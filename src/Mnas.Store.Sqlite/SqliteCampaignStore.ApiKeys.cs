using Mnas.Campaigns;

namespace Mnas.Store.Sqlite;

public sealed partial class SqliteCampaignStore
{
    public Task CreateApiKeyAsync(ApiKey key, CancellationToken cancellationToken = default)
    {
        StoreRules.ValidateApiKey(key);
        return WriteAsync(
            async (connection, transaction, ct) =>
            {
                var taken = await ScalarAsync(
                    Command(connection, transaction, "SELECT EXISTS (SELECT 1 FROM api_keys WHERE id = $id);", ("$id", key.Id)),
                    ct).ConfigureAwait(false);
                if (taken != 0)
                {
                    throw new DuplicateApiKeyException(key.Id);
                }

                return await ExecuteAsync(
                    Command(
                        connection,
                        transaction,
                        $"INSERT INTO api_keys ({SqliteRows.ApiKeyColumns}) VALUES ($id, $name, $role, $secret_hash, $created_at, $revoked_at);",
                        ("$id", key.Id),
                        ("$name", key.Name),
                        ("$role", key.Role.ToString()),
                        ("$secret_hash", key.SecretHash),
                        ("$created_at", SqliteValues.Time(key.CreatedAt)),
                        ("$revoked_at", key.RevokedAt is { } revoked ? SqliteValues.Time(revoked) : null)),
                    ct).ConfigureAwait(false);
            },
            cancellationToken);
    }

    public Task<ApiKey?> GetApiKeyAsync(string keyId, CancellationToken cancellationToken = default)
    {
        StoreRules.RequireId(keyId, nameof(keyId));
        return ReadAsync(
            (connection, ct) => QuerySingleAsync(
                Command(connection, null, $"SELECT {SqliteRows.ApiKeyColumns} FROM api_keys WHERE id = $id;", ("$id", keyId)),
                SqliteRows.ApiKey,
                ct),
            cancellationToken);
    }

    public Task<IReadOnlyList<ApiKey>> ListApiKeysAsync(CancellationToken cancellationToken = default) =>
        ReadAsync<IReadOnlyList<ApiKey>>(
            async (connection, ct) => await QueryAsync(
                Command(connection, null, $"SELECT {SqliteRows.ApiKeyColumns} FROM api_keys ORDER BY position;"),
                SqliteRows.ApiKey,
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
                        "UPDATE api_keys SET revoked_at = $at WHERE id = $id AND revoked_at IS NULL;",
                        ("$id", keyId),
                        ("$at", SqliteValues.Time(at))),
                    ct).ConfigureAwait(false);
                return await QuerySingleAsync(
                    Command(connection, transaction, $"SELECT {SqliteRows.ApiKeyColumns} FROM api_keys WHERE id = $id;", ("$id", keyId)),
                    SqliteRows.ApiKey,
                    ct).ConfigureAwait(false);
            },
            cancellationToken);
    }
}
