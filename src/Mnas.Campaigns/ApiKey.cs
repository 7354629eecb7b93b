namespace Mnas.Campaigns;

/// <summary>
/// An API key as stored: never its secret, only the secret's SHA-256 (<see cref="SecretHash"/>). A key whose
/// <see cref="RevokedAt"/> is set is refused.
/// </summary>
public sealed record ApiKey(string Id, string Name, ApiRole Role, byte[] SecretHash, DateTimeOffset CreatedAt, DateTimeOffset? RevokedAt = null)
{
    public bool Revoked => RevokedAt is not null;
}
