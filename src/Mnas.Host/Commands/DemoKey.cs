using Mnas.Api.Security;
using Mnas.Store;

namespace Mnas.Host.Commands;

/// <summary>The operator key <c>mnas demo</c> makes for its dashboard, stored hashed like any other; its text is shown once.</summary>
internal static class DemoKey
{
    public const string Name = "demo";

    /// <summary>A new operator key's text (<c>mnas_…</c>).</summary>
    public static async Task<string> CreateAsync(ICampaignStore store, CancellationToken cancellation) =>
        (await ApiKeys.CreateAsync(store, Name, Mnas.Campaigns.ApiRole.Operator, cancellation: cancellation)).Plaintext;
}
