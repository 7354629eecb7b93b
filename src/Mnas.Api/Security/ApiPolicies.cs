using Mnas.Campaigns;

namespace Mnas.Api.Security;

/// <summary>The authorization policies of the two roles, and the role names the key's claims carry.</summary>
public static class ApiPolicies
{
    /// <summary>Only operators: workers, deleting campaigns.</summary>
    public const string Operator = "operator";

    /// <summary>Any valid key, researcher or operator (an operator may do all a researcher may).</summary>
    public const string Researcher = "researcher";

    public const string OperatorRole = "operator";
    public const string ResearcherRole = "researcher";

    public static string RoleName(ApiRole role) => role == ApiRole.Operator ? OperatorRole : ResearcherRole;
}
