namespace Mnas.Api;

/// <summary>What a listening address (<c>api.listen</c>, <c>management.listen</c>) must be: an http URL of scheme, host and explicit port.</summary>
public static class ListenUrl
{
    /// <summary>Null when <paramref name="listen"/> will do; otherwise what is wrong, with <paramref name="example"/> as a good one.</summary>
    public static string? FindProblem(string? listen, string example, string server)
    {
        var expected = "must be an http URL with a host and a port, like " + example;
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
            return $"must be an http URL: {server} serves no TLS itself (put a TLS-terminating proxy in front)";
        }

        if (url.AbsolutePath != "/" || url.Query.Length > 0 || url.Fragment.Length > 0 || url.UserInfo.Length > 0)
        {
            return "must be only scheme, host and port (no path, query or user)";
        }

        return null;
    }

    // Uri fills in the scheme's default port; an address should say which port it takes.
    private static bool HasExplicitPort(string listen)
    {
        var authority = listen[(listen.IndexOf("://", StringComparison.Ordinal) + 3)..].Split('/', 2)[0];
        var afterHost = authority.LastIndexOf(']') is var bracket and >= 0 ? authority[(bracket + 1)..] : authority;
        return afterHost.Contains(':', StringComparison.Ordinal);
    }
}
