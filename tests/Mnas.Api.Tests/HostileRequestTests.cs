using System.Net;
using System.Text;
using System.Text.Json;

namespace Mnas.Api.Tests;

/// <summary>
/// A corpus of malformed and hostile requests — bad JSON and YAML, wrong types, huge numbers, huge bodies, unknown ops,
/// injection strings, odd paths and methods: each is answered 4xx as problem details, never 5xx, and writes nothing.
/// </summary>
public sealed class HostileRequestTests : IAsyncLifetime
{
    private static readonly string[] Injections =
        ["'; DROP TABLE campaigns; --", "<script>alert(1)</script>", "../../../etc/passwd", "${jndi:ldap://x/a}", "\u0000", "%00", "{{7*7}}"];

    private TestApi api = null!;

    public async Task InitializeAsync() => api = await TestApi.StartAsync(new ApiOptions { RateLimitPerMinute = 1_000_000, MaxBodyBytes = 64 * 1024 });

    public async Task DisposeAsync() => await api.DisposeAsync();

    /// <summary>(method, path, media type, body) of each hostile request.</summary>
    private static IEnumerable<(string Method, string Path, string? MediaType, string? Body)> Corpus()
    {
        const string create = "/api/v1/campaigns";
        string[] badJson =
        [
            "{", "}", "[", "{\"spec\": }", "{\"spec\": {}", "{'spec': {}}", "{\"spec\": {},}", "nul", "\"just a string\"", "42", "true", "[]",
            "{\"spec\": NaN}", "{\"spec\": Infinity}", "\uFEFF\uFEFF{}", "{\"spec\": {}} trailing", "{\"a\":" + new string('[', 100) + "}",
            new string('{', 10_000), "{\"spec\": \"\\uD800\"}", "{\"spec\": {\"name\": \"\\x\"}}",
        ];
        foreach (var body in badJson)
        {
            yield return ("POST", create, "application/json", body);
        }

        string[] badYaml =
        [
            "spec: [", "spec: {", "a: b\n  c: d\n e", "--- \n...\n---\nx: 1\n", "- 1\n- 2", "&x a: *x", "spec: *undefined",
            "a: &a [*a]", "spec: !!binary AAAA", "spec: !!python/object:os.system ls", "? [a, b]\n: c", new string('[', 3000),
            "lol: &a [x, x]\nlol2: &b [*a, *a]\nlol3: [*b, *b]", "spec:\n\tname: x", "spec:\n  - - - - - - - - x",
        ];
        foreach (var body in badYaml)
        {
            yield return ("POST", create, "application/yaml", body);
        }

        object[] hostileValues = [.. Injections, 1e300, -1, 0, 1.5, 99_999_999_999_999_999_999m, true, new object[] { 1 }, new Dictionary<string, int> { ["a"] = 1 }];
        foreach (var field in new[] { "strategy", "children", "hours", "minibatch", "id" })
        {
            foreach (var value in hostileValues.Where(v => !IsValidFor(field, v)))
            {
                yield return ("POST", create, "application/json", JsonSerializer.Serialize(new Dictionary<string, object> { ["spec"] = new { }, [field] = value }));
            }
        }

        foreach (var value in new object[] { "x", 1.5, 1e300, 99_999_999_999_999_999_999m, true, new object[] { 1 } })
        {
            yield return ("POST", create, "application/json", JsonSerializer.Serialize(new Dictionary<string, object> { ["spec"] = new { }, ["seed"] = value }));
        }

        string[] specPaths = ["proxy.epochs", "proxy.batch_size", "proxy.learning_rate", "skeleton.blocks", "search_space.ops", "search_space.kernels",
            "target.input", "target.classes", "reward", "name", "skeleton.head_channels", "target.device_class"];
        object[] specValues = [.. Injections.Take(3), -1e300, 1e300, 99_999_999_999_999_999_999m, new object[] { new { } }, new { nested = new { deeper = 1 } }, false];
        foreach (var path in specPaths)
        {
            foreach (var value in specValues.Where(v => !(path is "name" or "target.device_class" && v is string s && !s.Contains('/') && !s.Contains('<') && !s.Contains('\''))))
            {
                yield return ("POST", create, "application/json", JsonSerializer.Serialize(new { spec = Nest(path, value), children = 0 }));
            }
        }

        foreach (var op in (string[])["conv9", "mbconv0", "mbconv-6", "MBCONV6", "", " ", .. Injections])
        {
            yield return ("POST", create, "application/json", JsonSerializer.Serialize(new { spec = new { search_space = new { ops = new[] { op } } } }));
        }

        yield return ("POST", create, "application/json", "{\"spec\": {\"name\": \"" + new string('x', 70 * 1024) + "\"}}");
        yield return ("POST", create, "application/yaml", "spec:\n  name: " + new string('y', 100 * 1024));
        foreach (var mediaType in new[] { "text/plain", "application/xml", "multipart/form-data; boundary=x", "application/x-www-form-urlencoded", "image/png" })
        {
            yield return ("POST", create, mediaType, "{\"spec\": {}}");
        }

        yield return ("POST", create, null, "{\"spec\": {}}");
        // A NUL in the path is refused by the web server itself (400, no body) before the application sees the request.
        foreach (var id in Injections.Where(i => i != "\u0000").Concat(["nowhere", "..", "%2e%2e", "a%2Fb", new string('z', 5000)]))
        {
            var escaped = Uri.EscapeDataString(id);
            yield return ("GET", $"{create}/{escaped}", null, null);
            yield return ("POST", $"{create}/{escaped}/cancel", null, null);
            yield return ("DELETE", $"{create}/{escaped}", null, null);
        }

        foreach (var (method, path) in new[] { ("PUT", create), ("PATCH", create), ("DELETE", create), ("PUT", "/api/v1/workers"), ("POST", "/api/v1/workers"),
                     ("GET", "/api/v2/campaigns"), ("GET", "/api/v1/../../etc/passwd"), ("TRACE", create) })
        {
            yield return (method, path, null, null);
        }
    }

    private static bool IsValidFor(string field, object value) => (field, value) switch
    {
        ("children" or "minibatch", int i) => i >= 1,
        ("hours", double d) => d is > 0 and <= 720,
        ("hours", int i) => i is > 0 and <= 720,
        ("id", string s) => System.Text.RegularExpressions.Regex.IsMatch(s, "^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$"),
        _ => false,
    };

    private static object Nest(string path, object value)
    {
        var parts = path.Split('.');
        object nested = value;
        for (var i = parts.Length - 1; i >= 0; i--)
        {
            nested = new Dictionary<string, object> { [parts[i]] = nested };
        }

        return nested;
    }

    [Fact]
    public async Task every_hostile_request_is_answered_4xx_as_problem_details_and_writes_nothing()
    {
        var corpus = Corpus().ToList();
        Assert.True(corpus.Count >= 200, $"the corpus holds {corpus.Count} requests");
        var answers = new List<string>();

        foreach (var (method, path, mediaType, body) in corpus)
        {
            using var request = new HttpRequestMessage(new HttpMethod(method), path);
            if (body is not null)
            {
                request.Content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
                if (mediaType is not null)
                {
                    request.Content.Headers.TryAddWithoutValidation("Content-Type", mediaType);
                }
            }

            HttpResponseMessage sent;
            try
            {
                sent = await api.Client.SendAsync(request);
            }
            catch (HttpRequestException e)
            {
                throw new InvalidOperationException($"{method} {path} [{mediaType}] {Shorten(body)}: {e.Message}", e);
            }

            using var response = sent;
            var status = (int)response.StatusCode;
            var what = $"{method} {path} [{mediaType}] {Shorten(body)} → {status} {Shorten(await response.Content.ReadAsStringAsync())}";
            answers.Add(what);
            Assert.True(status is >= 400 and < 500, what);
            Assert.True(response.Content.Headers.ContentType?.MediaType == "application/problem+json", $"not problem details: {what}");
        }

        Assert.Empty(await api.Store.ListCampaignsAsync());
        Assert.Equal(2, (await api.Store.ListApiKeysAsync()).Count);
    }

    private static string Shorten(string? text) => text is null ? "" : text.Length > 120 ? text[..120] + "…" : text;
}
