using Microsoft.AspNetCore.Http;
using Mnas.Campaigns;
using Mnas.Store;

namespace Mnas.Api.Security;

/// <summary>How every route under <c>/campaigns/{id}</c> finds its campaign on behalf of the caller.</summary>
public static class CampaignAccess
{
    /// <summary>
    /// The campaign <paramref name="id"/> names if the caller may see it — an operator any, a researcher only its own — or
    /// null, which the route answers 404 whether the campaign is unknown or another's, so ids of others' campaigns leak nothing.
    /// </summary>
    public static async Task<Campaign?> FindAsync(HttpContext context, ICampaignStore store, string id)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (ApiCaller.From(context.User) is not { } caller || string.IsNullOrWhiteSpace(id))
        {
            return null;
        }

        var campaign = await store.GetCampaignAsync(id, context.RequestAborted);
        return campaign is not null && caller.MayAccess(campaign) ? campaign : null;
    }
}
