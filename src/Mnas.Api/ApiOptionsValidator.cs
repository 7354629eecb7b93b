using Microsoft.Extensions.Options;

namespace Mnas.Api;

/// <summary>
/// Checks <see cref="ApiOptions"/> and names every bad setting by its path, e.g.
/// <c>api.listen: must be an http URL with a host and a port, like http://127.0.0.1:8080 (got 'localhost')</c>.
/// </summary>
public sealed class ApiOptionsValidator : IValidateOptions<ApiOptions>
{
    public const string ListenSetting = "api.listen";
    public const string RateLimitSetting = "api.rate_limit_per_minute";
    public const string MaxBodySetting = "api.max_body_bytes";

    public const int MaxRateLimitPerMinute = 1_000_000;
    public const long MinBodyBytes = 1024;
    public const long MaxBodyBytes = 64L * 1024 * 1024;

    public static ApiOptionsValidator Instance { get; } = new();

    /// <summary>Every problem with <paramref name="options"/>, each as <c>setting: what is wrong</c>; empty when they are valid.</summary>
    public IReadOnlyList<string> Validate(ApiOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = new List<string>();
        if (ListenProblem(options.Listen) is { } listen)
        {
            problems.Add($"{ListenSetting}: {listen} (got '{options.Listen}')");
        }

        if (options.RateLimitPerMinute is < 1 or > MaxRateLimitPerMinute)
        {
            problems.Add($"{RateLimitSetting}: must be in 1..{MaxRateLimitPerMinute} (got {options.RateLimitPerMinute})");
        }

        if (options.MaxBodyBytes is < MinBodyBytes or > MaxBodyBytes)
        {
            problems.Add($"{MaxBodySetting}: must be in {MinBodyBytes}..{MaxBodyBytes} (got {options.MaxBodyBytes})");
        }

        if (options.HeartbeatInterval <= TimeSpan.Zero)
        {
            problems.Add($"leases.heartbeat_seconds: must be positive (got {options.HeartbeatInterval.TotalSeconds} s)");
        }

        return problems;
    }

    /// <summary>Throws an <see cref="ArgumentException"/> naming every problem, if there are any.</summary>
    public void ThrowIfInvalid(ApiOptions options)
    {
        var problems = Validate(options);
        if (problems.Count > 0)
        {
            throw new ArgumentException($"invalid API options: {string.Join("; ", problems)}", nameof(options));
        }
    }

    ValidateOptionsResult IValidateOptions<ApiOptions>.Validate(string? name, ApiOptions options)
    {
        var problems = Validate(options);
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }

    private static string? ListenProblem(string? listen)
    {
        const string expected = "must be an http URL with a host and a port, like " + ApiOptions.DefaultListen;
        if (string.IsNullOrWhiteSpace(listen)
            || !Uri.TryCreate(listen, UriKind.Absolute, out var url)
            || url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps
            || string.IsNullOrEmpty(url.Host)
            || !HasExplicitPort(listen))
        {
            return expected;
        }

        if (url.Scheme == Uri.UriSchemeHttps)
        {
            return "must be an http URL: the API serves no TLS itself (put a TLS-terminating proxy in front)";
        }

        if (url.AbsolutePath != "/" || url.Query.Length > 0 || url.Fragment.Length > 0 || url.UserInfo.Length > 0)
        {
            return "must be only scheme, host and port (no path, query or user)";
        }

        return null;
    }

    // Uri fills in the scheme's default port; the API's address should say which port it takes.
    private static bool HasExplicitPort(string listen)
    {
        var authority = listen[(listen.IndexOf("://", StringComparison.Ordinal) + 3)..].Split('/', 2)[0];
        var afterHost = authority.LastIndexOf(']') is var bracket and >= 0 ? authority[(bracket + 1)..] : authority;
        return afterHost.Contains(':', StringComparison.Ordinal);
    }
}
