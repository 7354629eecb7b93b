using System.Security.Cryptography;
using System.Text;
using Mnas.Campaigns;
using Mnas.Store;

namespace Mnas.Api.Security;

/// <summary>Creating API keys and checking the ones requests present.</summary>
public static class ApiKeys
{
    /// <summary>
    /// Creates a key named <paramref name="name"/> with <paramref name="role"/> and records it in <paramref name="store"/>;
    /// returns it as stored and its text, which is shown this once: the store keeps only its secret's hash.
    /// </summary>
    public static async Task<(ApiKey Key, string Plaintext)> CreateAsync(ICampaignStore store, string name, ApiRole role, TimeProvider? clock = null,
        CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        var secret = ApiKeyText.NewSecret();
        var key = new ApiKey(ApiKeyText.NewId(), name, role, Hash(secret), (clock ?? TimeProvider.System).GetUtcNow());
        await store.CreateApiKeyAsync(key, cancellation);
        return (key, ApiKeyText.Format(key.Id, secret));
    }

    /// <summary>
    /// The stored key <paramref name="text"/> presents, or null when it is malformed, unknown, revoked or its secret
    /// does not match. The hashes are compared in constant time, so the time taken tells nothing of how much matched.
    /// </summary>
    public static async Task<ApiKey?> VerifyAsync(ICampaignStore store, string? text, CancellationToken cancellation = default)
    {
        if (!ApiKeyText.TryParse(text, out var id, out var secret))
        {
            return null;
        }

        var key = await store.GetApiKeyAsync(id, cancellation);
        if (key is null || key.Revoked)
        {
            return null;
        }

        return CryptographicOperations.FixedTimeEquals(Hash(secret), key.SecretHash) ? key : null;
    }

    /// <summary>
    /// SHA-256 of the secret. A fast hash is enough here, unlike for passwords: the secret is 256 random bits, so no
    /// guessing attack on a leaked hash can succeed, and a slow hash would only slow every request.
    /// </summary>
    public static byte[] Hash(string secret) => SHA256.HashData(Encoding.UTF8.GetBytes(secret));
}
