using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using FsCheck;
using FsCheck.Fluent;
using Mnas.SearchSpace.Contract;
using Mnas.SearchSpace.Spec;
using Xunit.Abstractions;

namespace Mnas.Api.Tests.Contract;

/// <summary>
/// Random submissions — a small valid one with up to four fields set to values drawn around and far beyond their
/// bounds, of wrong types, null, hostile text — are either accepted (201, one more row, a spec that reads back valid) or
/// refused (400 naming known field paths, no row); never anything else.
/// </summary>
public sealed class RandomSubmissionPropertyTests(ITestOutputHelper output) : ContractApi
{
    private const string Base = """{"spec": {"name": "random", "proxy": {"batch_size": 8}, "skeleton": {"blocks": [{"channels": 16, "layers": 1, "stride": 1}, {"channels": 24, "layers": 2, "stride": 2}], "head_channels": 320}}, "children": 3}""";

    private static readonly string[] SubmissionFields = ["spec", "strategy", "children", "hours", "minibatch", "seed", "id", "body"];

    [Fact]
    public async Task a_random_submission_is_stored_exactly_when_accepted_and_refused_only_with_field_paths()
    {
        var (accepted, refused) = (0, 0);
        var property = Prop.ForAll(Arb.From(Submissions()), (Func<string, bool>)(body =>
        {
            var outcome = Post(body).GetAwaiter().GetResult();
            if (outcome == HttpStatusCode.Created)
            {
                accepted++;
            }
            else
            {
                refused++;
            }

            return true;
        }));

        await Task.Run(() => Check.One(Config.QuickThrowOnFailure.WithMaxTest(250), property));

        output.WriteLine($"{accepted} accepted, {refused} refused");
        Assert.True(accepted > 10, $"only {accepted} of the random submissions were accepted: the generator says too little about acceptance");
        Assert.True(refused > 10, $"only {refused} of the random submissions were refused");
    }

    private async Task<HttpStatusCode> Post(string body)
    {
        var before = (await Api.Store.ListCampaignsAsync()).Count;
        using var response = await Researcher.PostAsync("/api/v1/campaigns", new StringContent(body, Encoding.UTF8, "application/json"));
        var after = await Api.Store.ListCampaignsAsync();
        var text = await response.Content.ReadAsStringAsync();
        switch (response.StatusCode)
        {
            case HttpStatusCode.Created:
                Assert.True(after.Count == before + 1, $"accepted but {after.Count - before} rows added: {body}");
                var id = JsonDocument.Parse(text).RootElement.GetProperty("id").GetString();
                var stored = after.Single(c => c.Id == id);
                CampaignSpecLoader.FromJson(stored.SpecJson);
                break;
            case HttpStatusCode.BadRequest:
                Assert.True(after.Count == before, $"refused but {after.Count - before} rows added: {body}");
                var errors = JsonDocument.Parse(text).RootElement.GetProperty("errors").EnumerateObject().Select(e => e.Name).ToArray();
                Assert.NotEmpty(errors);
                var given = JsonNode.Parse(body)!.AsObject().Select(p => p.Key).ToHashSet();
                Assert.All(errors, field => Assert.True(
                    given.Contains(field) || SubmissionFields.Any(known => field == known || field.StartsWith(known + ".", StringComparison.Ordinal)),
                    $"error key '{field}' is no field path ({body})"));
                break;
            case HttpStatusCode.Conflict:
                // The generator can draw one id twice: the second is refused as a duplicate, with nothing written.
                Assert.True(after.Count == before, $"a duplicate id but {after.Count - before} rows added: {body}");
                break;
            default:
                Assert.Fail($"{(int)response.StatusCode} for {body}: {text}");
                break;
        }

        return response.StatusCode;
    }

    private static Gen<string> Submissions() =>
        Gen.Choose(1, 4).SelectMany(count => Gen.ArrayOf(Change(), count)).Select(changes =>
        {
            var root = JsonNode.Parse(Base)!.AsObject();
            foreach (var (path, value) in changes)
            {
                Set(root, path, value);
            }

            return root.ToJsonString();
        });

    /// <summary>A field (any ranged one, a named one, or an unknown one) and a value for it.</summary>
    private static Gen<(string Path, JsonNode? Value)> Change()
    {
        var ranged = CampaignRanges.All.Where(r => r.Kind != RangeKind.Items).ToArray();
        var rangedChange = Gen.Elements(ranged).SelectMany(range => Value(range).Select(value => (range.Path, value)));
        var named = Gen.Elements(
                "spec.name", "spec.proxy.dataset", "spec.skeleton.activation", "spec.target.device_class", "strategy", "id",
                "spec.search_space.ops[]", "spec.search_space.skips[]", "spec.proxy.unknown", "unknown")
            .SelectMany(path => Text().Select(value => (path, (JsonNode?)value)));
        return Gen.Frequency((4, rangedChange), (2, named));
    }

    private static Gen<JsonNode?> Value(FieldRange range)
    {
        var span = range.Maximum - range.Minimum;
        var inside = Gen.Choose(0, 1_000).Select(i => (JsonNode?)Number(range, range.Minimum + span * i / 1_000.0));
        var near = Gen.Elements(-1.0, -1e-9, 0, 1e-9, 1).SelectMany(step =>
            Gen.Elements(range.Minimum, range.Maximum).Select(bound => (JsonNode?)Number(range, bound + step * Math.Max(1, Math.Abs(bound)))));
        var wild = Gen.Elements<JsonNode?>(null, 1e308, -1e308, JsonValue.Create(long.MaxValue), JsonValue.Create(long.MinValue), 2.5, "7", true,
            new JsonArray(), new JsonObject());
        return Gen.Frequency((3, inside), (3, near), (2, wild));
    }

    private static JsonNode Number(FieldRange range, double value) =>
        range.Kind == RangeKind.Integer && Math.Abs(value) < 9e15 ? JsonValue.Create((long)Math.Round(value)) : JsonValue.Create(value);

    private static Gen<JsonNode> Text() =>
        Gen.Elements("mnist", "fashion-mnist", "rl", "random", "relu6", "conv", "pooling", "cpu-1", "ok.id_1", "", " ", "../etc/passwd",
                "file:///etc/hosts", "http://example.org", "a\u0000b", "line\n", "x" + new string('y', 200), "'; DROP TABLE campaigns; --", "\ud83d\ude00")
            .Select(text => (JsonNode)JsonValue.Create(text)!);

    /// <summary>Sets the field at <paramref name="path"/>; <c>[]</c> stands for a one-item list (or a list's first object).</summary>
    private static void Set(JsonObject root, string path, JsonNode? value)
    {
        var parts = path.Split('.');
        JsonObject node = root;
        for (var i = 0; i < parts.Length - 1; i++)
        {
            var part = parts[i];
            if (part.EndsWith("[]", StringComparison.Ordinal))
            {
                var list = node[part[..^2]] as JsonArray;
                if (list is not { Count: > 0 } || list[0] is not JsonObject first)
                {
                    return;
                }

                node = first;
                continue;
            }

            if (node[part] is not JsonObject child)
            {
                node[part] = child = new JsonObject();
            }

            node = child;
        }

        var last = parts[^1];
        if (last.EndsWith("[]", StringComparison.Ordinal))
        {
            node[last[..^2]] = new JsonArray(value?.DeepClone());
        }
        else
        {
            node[last] = value?.DeepClone();
        }
    }
}
