using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.DependencyInjection;

namespace Mnas.Api.Security;

public static class SecurityServiceCollectionExtensions
{
    /// <summary>API-key authentication as the only scheme, and the two roles' policies; a valid key is the default requirement.</summary>
    public static IServiceCollection AddMnasSecurity(this IServiceCollection services)
    {
        services.AddAuthentication(ApiKeyAuthentication.Scheme)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthentication.Scheme, null);
        services.AddAuthorizationBuilder()
            .AddPolicy(ApiPolicies.Operator, policy => policy.RequireAuthenticatedUser().RequireRole(ApiPolicies.OperatorRole))
            .AddPolicy(ApiPolicies.Researcher, policy => policy.RequireAuthenticatedUser());
        return services;
    }
}
