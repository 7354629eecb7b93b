using System.Security.Claims;
using Mnas.Campaigns;

namespace Mnas.Api.Security;

/// <summary>Who made an authenticated request: the id of the key it presented and the key's role.</summary>
public sealed record ApiCaller(string KeyId, ApiRole Role)
{
    public bool IsOperator => Role == ApiRole.Operator;

    /// <summary>The caller <paramref name="user"/> names, or null for a request without a valid key.</summary>
    public static ApiCaller? From(ClaimsPrincipal user)
    {
        if (user.Identity is not { IsAuthenticated: true } || user.FindFirstValue(ClaimTypes.NameIdentifier) is not { } id)
        {
            return null;
        }

        return new ApiCaller(id, user.IsInRole(ApiPolicies.OperatorRole) ? ApiRole.Operator : ApiRole.Researcher);
    }

    /// <summary>May this caller see or cancel <paramref name="campaign"/>: an operator every one, a researcher only its own.</summary>
    public bool MayAccess(Campaign campaign) => IsOperator || campaign.Owner == KeyId;
}
