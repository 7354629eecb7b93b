using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Mnas.Campaigns;
using Mnas.Api.Security;
using Mnas.Store;

namespace Mnas.Api;

/// <summary>
/// How the routes under <c>/campaigns/{id}/…</c> that read a campaign's children, front, controller and events find it:
/// the one place to decide who may see which campaign.
/// </summary>
internal static class CampaignLookup
{
    /// <summary>The campaign, or null when there is none the caller may see (both answer 404): a researcher sees only their own.</summary>
    public static Task<Campaign?> FindAsync(HttpContext context, ICampaignStore store, string id) => CampaignAccess.FindAsync(context, store, id);

    /// <summary>The 404 for a campaign <see cref="FindAsync"/> did not find.</summary>
    public static ProblemHttpResult NotFound(string id) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Campaign not found", detail: $"no campaign '{id}'");
}
