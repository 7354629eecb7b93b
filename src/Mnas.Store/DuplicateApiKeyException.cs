namespace Mnas.Store;

/// <summary>An API key was created with an id that is already taken.</summary>
public sealed class DuplicateApiKeyException(string keyId)
    : InvalidOperationException($"an API key with id '{keyId}' already exists")
{
    public string KeyId { get; } = keyId;
}
