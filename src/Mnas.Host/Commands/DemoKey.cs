using Mnas.Store;

namespace Mnas.Host.Commands;

/// <summary>The operator key <c>mnas demo</c> makes for its dashboard, stored hashed like any other; its text is shown once.</summary>
internal static class DemoKey
{
    public const string Name = "demo";

    /// <summary>A new operator key's text (<c>mnas_…</c>), or null while the API has no keys.</summary>
    public static Task<string?> CreateAsync(ICampaignStore store, CancellationToken cancellation)
    {
        // TODO(issue6 merge): create it with the security branch's ApiKeys.CreateAsync(store, Name, operator role) and
        // return its plaintext; until that branch is merged the API takes no keys and the address carries none.
        _ = store;
        cancellation.ThrowIfCancellationRequested();
        return Task.FromResult<string?>(null);
    }
}
