using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using Mnas.Store;

namespace Mnas.Api.Security;

/// <summary>
/// Authenticates a request by the API key in <c>Authorization: Bearer</c> or <c>X-Api-Key</c>, checked against the store;
/// answers a missing or refused key with 401 and a forbidden one with 403, both as problem details.
/// </summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, ICampaignStore store, IProblemDetailsService problems)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    private const string BearerPrefix = "Bearer ";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        // Only endpoints that require a key look it up: health and static files answer even while the store cannot.
        var presented = PresentedKey(Request);
        if (presented is null || Context.GetEndpoint()?.Metadata.GetMetadata<IAuthorizeData>() is null)
        {
            return AuthenticateResult.NoResult();
        }

        var key = await ApiKeys.VerifyAsync(store, presented, Context.RequestAborted);
        if (key is null)
        {
            return AuthenticateResult.Fail("the API key is malformed, unknown or revoked");
        }

        var identity = new ClaimsIdentity(
            [new Claim(ClaimTypes.NameIdentifier, key.Id), new Claim(ClaimTypes.Name, key.Name), new Claim(ClaimTypes.Role, ApiPolicies.RoleName(key.Role))],
            Scheme.Name);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), Scheme.Name));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var failure = await HandleAuthenticateOnceSafeAsync();
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer";
        await WriteProblemAsync(
            "Unauthorized",
            failure.Failure is null
                ? $"an API key is required: send 'Authorization: Bearer <key>' or '{ApiKeyAuthentication.Header}: <key>'"
                : "the API key is malformed, unknown or revoked");
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        return WriteProblemAsync("Forbidden", "this API key's role may not do this (it needs the operator role)");
    }

    private async Task WriteProblemAsync(string title, string detail) =>
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = Context,
            ProblemDetails = { Status = Response.StatusCode, Title = title, Detail = detail },
        });

    private static string? PresentedKey(HttpRequest request)
    {
        var authorization = request.Headers[HeaderNames.Authorization].ToString();
        if (authorization.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase))
        {
            return authorization[BearerPrefix.Length..].Trim();
        }

        var header = request.Headers[ApiKeyAuthentication.Header].ToString();
        return header.Length > 0 ? header.Trim() : null;
    }
}
