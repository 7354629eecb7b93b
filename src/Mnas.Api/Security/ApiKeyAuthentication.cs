namespace Mnas.Api.Security;

/// <summary>The authentication scheme of API keys and the headers that carry one.</summary>
public static class ApiKeyAuthentication
{
    public const string Scheme = "ApiKey";

    /// <summary>The alternative to <c>Authorization: Bearer &lt;key&gt;</c>.</summary>
    public const string Header = "X-Api-Key";
}
