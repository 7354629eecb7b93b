using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Mnas.Api.Tests.Contract;
using Xunit.Abstractions;

namespace Mnas.Api.Tests.OpenApi;

/// <summary>
/// Requests generated from the served document's own request schema: for every bounded number, list length and enum,
/// values just inside each bound (accepted: 201, one row more) and just outside (refused: 400 naming that field, no
/// row). The schema and the validator agree exactly when every case holds. A list item is tried in a list that otherwise
/// keeps the list's own <c>contains</c> rule (a candidate other than skip, the full input resolution), and a named string
/// without an enum (a supernet candidate) is tried with its examples and with a name its pattern refuses.
/// </summary>
public sealed class RequestSchemaBoundaryTests(ITestOutputHelper output) : ContractApi
{
    /// <summary>
    /// A small submission, so that no value at a bound makes the space's largest child pass a resource limit; the supernet
    /// trains 200 epochs without warm-up, so that dnas.epochs and dnas.warmup_epochs (which must stay below it) can each
    /// reach both their bounds; BN-NAS's evolution breeds from one parent in a population of 1000, so that bnnas.population
    /// and bnnas.parents (which must stay below it) can too; FBNetV3's settings bounded by one another (frozen and predictor
    /// epochs, a round's children and the pool, the top K and the population) sit at the ends that let each reach both bounds;
    /// MemNAS starts from the smallest network, as mobilenet_v2 is no sample of this one-op space.
    /// </summary>
    private const string Base = """
        {"spec": {"name": "bounds", "proxy": {"batch_size": 8}, "dnas": {"epochs": 200, "warmup_epochs": 0},
                  "bnnas": {"population": 1000, "parents": 1}, "memnas": {"base": "smallest"},
                  "fbnetv3": {"predictor_epochs": 10000, "frozen_epochs": 0, "children_per_round": 1, "pool": 100000, "population": 10000, "top_k": 1},
                  "search_space": {"ops": ["dwconv"], "kernels": [3], "se_ratios": [0], "skips": ["none"], "widths": [1], "layer_deltas": [0]},
                  "skeleton": {"stem_channels": 8, "blocks": [{"channels": 8, "layers": 1, "stride": 1}], "head_channels": 16},
                  "target": {"input": {"channels": 1, "height": 32, "width": 32}, "classes": 10}},
         "children": 3}
        """;

    /// <summary>A value for <paramref name="Field"/> (the field the refusal must name), set at <paramref name="Target"/> when that differs.</summary>
    private sealed record Case(string Field, JsonNode? Value, bool Inside, string What, string? Target = null);

    [Fact(Timeout = 240_000)]
    public async Task the_api_accepts_exactly_the_values_inside_the_schemas_bounds()
    {
        var document = await ServedDocument.FetchAsync(Api);
        var submission = document.Resolve(document.Root["components"]!["schemas"]!["CampaignSubmission"]!);
        var cases = new List<Case>();
        Collect(document, submission, "", cases);
        Assert.True(cases.Count > 150, $"only {cases.Count} cases came out of the schema");

        var wrong = new List<string>();
        foreach (var test in cases)
        {
            var body = JsonNode.Parse(Base)!.AsObject();
            Set(body, test.Target ?? test.Field, test.Value);
            var text = body.ToJsonString();
            var before = (await Api.Store.ListCampaignsAsync()).Count;
            using var response = await Researcher.PostAsync("/api/v1/campaigns", new StringContent(text, Encoding.UTF8, "application/json"));
            var answer = await response.Content.ReadAsStringAsync();
            var after = (await Api.Store.ListCampaignsAsync()).Count;
            if (test.Inside && (response.StatusCode != HttpStatusCode.Created || after != before + 1))
            {
                wrong.Add($"{test.What}: expected 201, got {(int)response.StatusCode} {answer}");
            }
            else if (!test.Inside && (response.StatusCode != HttpStatusCode.BadRequest || after != before || !Names(answer, test.Field)))
            {
                wrong.Add($"{test.What}: expected 400 naming {test.Field}, got {(int)response.StatusCode} {answer}");
            }
        }

        output.WriteLine($"{cases.Count} cases: {cases.Count(c => c.Inside)} inside, {cases.Count(c => !c.Inside)} outside");
        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
    }

    private static bool Names(string answer, string field) =>
        JsonDocument.Parse(answer).RootElement.TryGetProperty("errors", out var errors) && errors.TryGetProperty(field, out _);

    /// <summary>The cases of every property under <paramref name="schema"/>, whose fields are under <paramref name="path"/>.</summary>
    private static void Collect(ServedDocument document, JsonObject schema, string path, List<Case> cases)
    {
        foreach (var (key, property) in schema["properties"]!.AsObject())
        {
            var field = path.Length == 0 ? key : $"{path}.{key}";
            var resolved = document.Resolve(property!);
            if (Types(resolved).Contains("object"))
            {
                Collect(document, resolved, field, cases);
            }
            else if (Types(resolved).Contains("array"))
            {
                var items = document.Resolve(resolved["items"]!);
                if (Types(items).Contains("object"))
                {
                    ListCases(field, resolved, () => JsonNode.Parse("""{"channels": 8, "layers": 1, "stride": 1}"""), cases);
                    Collect(document, items, field + "[0]", cases);
                }
                else
                {
                    ListCases(field, resolved, null, cases, items);
                    var itemCases = new List<Case>();
                    Scalar(field + "[0]", items, itemCases);
                    cases.AddRange(itemCases.Select(c => KeepingContains(c, field, resolved, items)));
                }
            }
            else
            {
                Scalar(field, resolved, cases);
            }
        }
    }

    /// <summary>
    /// An item's case as a whole list: the item first, followed, when the item alone would break the list's
    /// <c>contains</c> rule, by the first valid item that keeps it.
    /// </summary>
    private static Case KeepingContains(Case item, string field, JsonObject list, JsonObject items)
    {
        if (list["contains"] is not JsonObject contains || Satisfies(contains, item.Value))
        {
            return item;
        }

        var companion = Distinct(items, null, 16).First(v => Satisfies(contains, v) && !JsonNode.DeepEquals(v, item.Value));
        return item with { Value = new JsonArray(item.Value?.DeepClone(), companion!.DeepClone()), Target = field };
    }

    /// <summary>Whether a value meets a <c>contains</c> schema of the kinds the document uses: an enum, or the negation of one.</summary>
    private static bool Satisfies(JsonObject schema, JsonNode? value) => schema switch
    {
        _ when schema["enum"] is JsonArray names => names.Any(n => JsonNode.DeepEquals(n, value)),
        _ when schema["not"] is JsonObject not => !Satisfies(not, value),
        _ => throw new InvalidOperationException($"a contains rule the test cannot read: {schema.ToJsonString()}"),
    };

    private static void Scalar(string field, JsonObject schema, List<Case> cases)
    {
        if (schema["pattern"] is { } pattern && schema["examples"] is JsonArray examples)
        {
            var form = new Regex(pattern.GetValue<string>());
            foreach (var example in examples)
            {
                Assert.Matches(form, example!.GetValue<string>());
                cases.Add(new Case(field, example.DeepClone(), true, $"{field} = {example}"));
            }

            Assert.DoesNotMatch(form, "not-a-known-name");
            cases.Add(new Case(field, JsonValue.Create("not-a-known-name"), false, $"{field} = not-a-known-name"));
            return;
        }

        if (schema["enum"] is JsonArray names)
        {
            foreach (var name in names)
            {
                cases.Add(new Case(field, name!.DeepClone(), true, $"{field} = {name}"));
            }

            cases.Add(new Case(field, JsonValue.Create("not-a-known-name"), false, $"{field} = not-a-known-name"));
            return;
        }

        var integer = Types(schema).Contains("integer");
        foreach (var (bound, exclusive, below) in Bounds(schema))
        {
            // Just inside: the bound itself, or the nearest value inside an exclusive one; just outside: the next value out.
            var step = integer ? 1 : 1e-9 * Math.Max(1, Math.Abs(bound));
            var inside = exclusive ? (below ? bound + step : bound - step) : bound;
            var outside = exclusive ? bound : (below ? bound - step : bound + step);
            if (schema["not"]?["multipleOf"] is { } multiple && integer)
            {
                // Odd-only values (kernels): the nearest odd value on each side.
                var m = multiple.GetValue<double>();
                inside = inside % m == 0 ? (below ? inside + 1 : inside - 1) : inside;
                outside = outside % m == 0 ? (below ? outside - 1 : outside + 1) : outside;
            }

            cases.Add(new Case(field, Number(inside, integer), true, $"{field} = {Text(inside)} (just inside {Text(bound)})"));
            cases.Add(new Case(field, Number(outside, integer), false, $"{field} = {Text(outside)} (just outside {Text(bound)})"));
        }
    }

    private static void ListCases(string field, JsonObject schema, Func<JsonNode?>? item, List<Case> cases, JsonObject? items = null)
    {
        foreach (var (count, inside) in new[] { ("minItems", true), ("maxItems", true) })
        {
            if (schema[count] is not { } bound)
            {
                continue;
            }

            var n = bound.GetValue<int>();
            var below = count == "minItems";
            var distinct = Distinct(items, item, n + 1);
            if (distinct.Count >= n)
            {
                cases.Add(new Case(field, new JsonArray([.. distinct.Take(n)]), inside, $"{field} with {n} items (just inside)"));
            }

            var outsideCount = below ? n - 1 : n + 1;
            if (outsideCount >= 0)
            {
                // Past the most distinct valid items there are, a list too long repeats its items: still too long.
                var list = Enumerable.Range(0, outsideCount).Select(i => distinct.Count > 0 ? distinct[i % distinct.Count]!.DeepClone() : null);
                cases.Add(new Case(field, new JsonArray([.. list]), false, $"{field} with {outsideCount} items (just outside)"));
            }
        }
    }

    /// <summary>Up to <paramref name="count"/> different valid items of a list.</summary>
    private static List<JsonNode?> Distinct(JsonObject? items, Func<JsonNode?>? item, int count)
    {
        if (item is not null)
        {
            return Enumerable.Range(0, count).Select(_ => item()).ToList();
        }

        if (items!["enum"] is JsonArray names)
        {
            return names.Select(n => n?.DeepClone()).Take(count).ToList();
        }

        if (items["examples"] is JsonArray examples)
        {
            return examples.Select(n => n?.DeepClone()).Take(count).ToList();
        }

        var integer = Types(items).Contains("integer");
        var (low, high) = (Limit(items, "minimum", "exclusiveMinimum"), Limit(items, "maximum", "exclusiveMaximum"));
        var odd = items["not"] is not null;
        var values = integer
            ? Enumerable.Range((int)low, (int)(high - low) + 1).Where(v => !odd || v % 2 != 0).Select(v => (double)v)
            : Enumerable.Range(1, count).Select(i => low + (high - low) * i / (count + 1));
        return values.Take(count).Select(v => (JsonNode?)Number(v, integer)).ToList();
    }

    private static double Limit(JsonObject schema, string inclusive, string exclusive) =>
        (schema[inclusive] ?? schema[exclusive])!.GetValue<double>();

    private static IEnumerable<(double Bound, bool Exclusive, bool Below)> Bounds(JsonObject schema)
    {
        foreach (var (key, exclusive, below) in new[] { ("minimum", false, true), ("exclusiveMinimum", true, true), ("maximum", false, false), ("exclusiveMaximum", true, false) })
        {
            if (schema[key] is { } bound)
            {
                yield return (bound.GetValue<double>(), exclusive, below);
            }
        }
    }

    private static string[] Types(JsonObject schema) => schema["type"] switch
    {
        JsonArray list => list.Select(t => t!.GetValue<string>()).ToArray(),
        JsonValue one => [one.GetValue<string>()],
        _ => [],
    };

    private static JsonNode Number(double value, bool integer) =>
        integer && Math.Abs(value) < 9.2e18 ? JsonValue.Create((long)value) : JsonValue.Create(value);

    private static string Text(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>Sets the field at <paramref name="path"/> (<c>spec.skeleton.blocks[0].layers</c>); a scalar list item replaces the list with one item.</summary>
    private static void Set(JsonObject root, string path, JsonNode? value)
    {
        var parts = path.Split('.');
        JsonNode node = root;
        for (var i = 0; i < parts.Length; i++)
        {
            var (name, indexed) = parts[i].EndsWith("[0]", StringComparison.Ordinal) ? (parts[i][..^3], true) : (parts[i], false);
            var last = i == parts.Length - 1;
            var parent = node.AsObject();
            if (last)
            {
                parent[name] = indexed ? new JsonArray(value?.DeepClone()) : value?.DeepClone();
                return;
            }

            parent[name] ??= new JsonObject();
            node = indexed ? parent[name]![0]! : parent[name]!;
        }
    }
}
