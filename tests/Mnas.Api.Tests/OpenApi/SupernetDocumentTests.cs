using System.Globalization;
using System.Text.RegularExpressions;
using Mnas.Grains;
using System.Text.Json.Nodes;
using Mnas.SearchSpace.Contract;
using Mnas.SearchSpace.Spec;
using Mnas.SearchSpace.Supernet;

namespace Mnas.Api.Tests.OpenApi;

/// <summary>
/// The document's supernet operation and the submissions of the strategies that train one: the strategies, the spec's dnas
/// and bnnas sections, candidate names.
/// </summary>
public sealed class SupernetDocumentTests : IAsyncLifetime
{
    private TestApi api = null!;

    public async Task InitializeAsync() => api = await TestApi.StartAsync();

    public async Task DisposeAsync() => await api.DisposeAsync();

    [Fact]
    public async Task the_supernet_operation_is_described_with_its_response_and_refusals()
    {
        var document = await ServedDocument.FetchAsync(api);

        var operation = document.Operations().Single(o => o is { Method: "GET", Path: "/api/v1/campaigns/{id}/supernet" }).Operation;
        Assert.Equal("getSupernet", operation["operationId"]!.GetValue<string>());
        Assert.Contains("No supernet", operation["description"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(["200", "401", "404", "429"], operation["responses"]!.AsObject().Select(r => r.Key).Order());
        var response = document.Resolve(operation["responses"]!["200"]!["content"]!["application/json"]!["schema"]!);
        Assert.Equal(
            ["attempts", "candidates", "epochs", "epochs_done", "epochs_planned", "evolution", "posterior", "resolutions", "strategy", "trained", "widths"],
            Keys(response));
        var epoch = document.Resolve(document.Resolve(response["properties"]!["epochs"]!)["items"]!);
        Assert.Equal(
            ["at", "attempt", "cross_entropy", "distributions", "epoch", "expected_latency_ms", "loss", "ranking_distance", "resolution_distribution",
                "scores", "seconds", "temperature", "theta_trained", "width_distributions"],
            Keys(epoch));
        Assert.Contains("null", Types(epoch["properties"]!["ranking_distance"]!));
        Assert.Contains("number", Types(epoch["properties"]!["ranking_distance"]!));
        Assert.Contains("null", Types(epoch["properties"]!["scores"]!));
        var posterior = Resolve(document, response["properties"]!["posterior"]!);
        Assert.Contains("costs", Keys(posterior));
        Assert.Contains("scores", Keys(posterior));
        var costs = Resolve(document, posterior["properties"]!["costs"]!);
        Assert.Equal(["fixed", "layers"], Keys(costs));
        Assert.Equal(["latency_ms", "macs", "params", "peak_activation_bytes"], Keys(Resolve(document, costs["properties"]!["fixed"]!)));
        // A layer's entry is null where it does not offer the candidate; the fields bn-nas adds say what they hold.
        var entry = costs["properties"]!["layers"]!["items"]!["items"]!;
        Assert.Equal("null", entry["oneOf"]![0]!["type"]!.GetValue<string>());
        Assert.Equal("#/components/schemas/SupernetCostItem", entry["oneOf"]![1]!["$ref"]!.GetValue<string>());
        Assert.Contains("|γ|", epoch["properties"]!["scores"]!["description"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("candidate pairs", epoch["properties"]!["ranking_distance"]!["description"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("bn-nas", response["properties"]!["evolution"]!["description"]!.GetValue<string>(), StringComparison.Ordinal);
        var evolution = Resolve(document, response["properties"]!["evolution"]!);
        Assert.Equal(["chosen", "iterations"], Keys(evolution));
        Assert.Equal(["best_score", "feasible", "iteration", "mean_score"],
            Keys(document.Resolve(document.Resolve(evolution["properties"]!["iterations"]!)["items"]!)));
        var chosen = document.Resolve(document.Resolve(evolution["properties"]!["chosen"]!)["items"]!);
        Assert.Equal(["architecture", "costs", "score"], Keys(chosen));
        var description = operation["description"]!.GetValue<string>();
        Assert.All(["bn-nas", "scores", "ranking_distance", "evolution", "costs"], word => Assert.Contains(word, description, StringComparison.Ordinal));
    }

    [Fact]
    public async Task the_spec_describes_its_bnnas_section_from_the_ranges_and_names()
    {
        var document = await ServedDocument.FetchAsync(api);
        var submission = document.Resolve(document.Root["components"]!["schemas"]!["CampaignSubmission"]!);
        var spec = document.Resolve(submission["properties"]!["spec"]!);

        var bnnas = document.Resolve(spec["properties"]!["bnnas"]!)["properties"]!.AsObject();

        Assert.Equal(
            ["bn_share", "candidates", "epochs", "iterations", "max_latency_ms", "max_macs", "max_params", "max_peak_activation_bytes",
                "mutation_probability", "parents", "population", "samples", "training"],
            bnnas.Select(p => p.Key).Order(StringComparer.Ordinal));
        Assert.Equal(["bn", "full"], bnnas["training"]!["enum"]!.AsArray().Select(n => n!.GetValue<string>()));
        Assert.Equal("bn", bnnas["training"]!["default"]!.GetValue<string>());
        var parameters = bnnas["max_params"]!;
        Assert.Equal(["integer", "null"], Types(parameters));
        Assert.Equal((1.0, (double)CampaignRanges.MaxSafeInteger), (parameters["minimum"]!.GetValue<double>(), parameters["maximum"]!.GetValue<double>()));
        Assert.Equal(["null", "number"], Types(bnnas["max_latency_ms"]!));
        Assert.Equal(0.0, bnnas["bn_share"]!["exclusiveMinimum"]!.GetValue<double>());
        Assert.Equal(50, bnnas["population"]!["default"]!.GetValue<int>());
        Assert.True(bnnas["candidates"]!["uniqueItems"]!.GetValue<bool>());
        Assert.Equal(BnNasSpec.DefaultCandidates, bnnas["candidates"]!["default"]!.AsArray().Select(n => n!.GetValue<string>()));
        Assert.Equal(BnNasSpec.DefaultCandidates, bnnas["candidates"]!["items"]!["examples"]!.AsArray().Select(n => n!.GetValue<string>()));
        var strategy = submission["properties"]!["strategy"]!["description"]!.GetValue<string>();
        Assert.Contains("bn-nas", strategy, StringComparison.Ordinal);
        Assert.Contains("spec.bnnas", strategy, StringComparison.Ordinal);
    }

    [Fact]
    public async Task the_bnnas_candidate_pattern_accepts_exactly_the_names_the_validator_accepts_there()
    {
        var document = await ServedDocument.FetchAsync(api);
        var spec = document.Resolve(document.Resolve(document.Root["components"]!["schemas"]!["CampaignSubmission"]!)["properties"]!["spec"]!);
        var candidates = document.Resolve(spec["properties"]!["bnnas"]!)["properties"]!["candidates"]!;
        var pattern = new Regex(Regex.Replace(candidates["items"]!["pattern"]!.GetValue<string>(), @"\$$", @"\z"));
        string[] names = ["skip", "k3_e1", "k5_e6", "k3_e1_g2", "k11_e99_g99", "k13_e1", "k3_e0", "k3_e1_g1", "k4_e1", "", "k3_e1\n"];
        var validator = new CampaignSpecValidator();

        var disagreements = names.Where(n => pattern.IsMatch(n) !=
            validator.Validate(new CampaignSpec { Bnnas = new BnNasSpec { Candidates = [n] } }).All(p => !p.Path.StartsWith("bnnas.candidates", StringComparison.Ordinal)))
            .ToList();

        Assert.True(disagreements.Count == 0, "the pattern and the validator disagree on: " + string.Join(", ", disagreements.Select(n => $"'{n}'")));
        Assert.DoesNotMatch(pattern, "skip");
    }

    [Fact]
    public async Task the_strategy_enum_is_every_strategy_and_the_spec_describes_its_dnas_section_from_the_ranges()
    {
        var document = await ServedDocument.FetchAsync(api);
        var submission = document.Resolve(document.Root["components"]!["schemas"]!["CampaignSubmission"]!);

        var strategies = submission["properties"]!["strategy"]!["enum"]!.AsArray().Select(n => n!.GetValue<string>());
        Assert.Equal(CampaignSettings.Strategies, strategies);
        var spec = document.Resolve(submission["properties"]!["spec"]!);
        var dnas = document.Resolve(spec["properties"]!["dnas"]!)["properties"]!.AsObject();
        Assert.Equal(
            ["alpha", "beta", "candidates", "epochs", "hard", "initial_temperature", "resolutions", "samples", "temperature_decay", "theta_learning_rate",
                "theta_weight_decay", "warmup_epochs", "widths"],
            dnas.Select(p => p.Key).Order(StringComparer.Ordinal));
        var epochs = CampaignRanges.ForSpec("dnas.epochs");
        Assert.Equal((epochs.Minimum, epochs.Maximum, 10.0),
            (dnas["epochs"]!["minimum"]!.GetValue<double>(), dnas["epochs"]!["maximum"]!.GetValue<double>(), dnas["epochs"]!["default"]!.GetValue<double>()));
        Assert.Equal(0.0, dnas["initial_temperature"]!["exclusiveMinimum"]!.GetValue<double>());
        Assert.Equal("boolean", dnas["hard"]!["type"]!.GetValue<string>());
        Assert.False(dnas["hard"]!["default"]!.GetValue<bool>());
        Assert.Equal("skip", dnas["candidates"]!["contains"]!["not"]!["enum"]![0]!.GetValue<string>());
        Assert.Equal(1, dnas["resolutions"]!["contains"]!["enum"]![0]!.GetValue<int>());
        Assert.True(dnas["widths"]!["uniqueItems"]!.GetValue<bool>());
        Assert.Equal(SupernetCandidate.DefaultNames, dnas["candidates"]!["default"]!.AsArray().Select(n => n!.GetValue<string>()));
        Assert.NotNull(dnas["candidates"]!["items"]!["pattern"]);
    }

    private static string[] Keys(JsonObject schema) => schema["properties"]!.AsObject().Select(p => p.Key).Order(StringComparer.Ordinal).ToArray();

    private static string[] Types(JsonNode schema) => schema["type"] switch
    {
        JsonArray list => list.Select(t => t!.GetValue<string>()).Order(StringComparer.Ordinal).ToArray(),
        JsonValue one => [one.GetValue<string>()],
        _ => [],
    };

    /// <summary>A property's schema: its reference resolved, or the one reference among a nullable property's <c>oneOf</c>/<c>anyOf</c>.</summary>
    private static JsonObject Resolve(ServedDocument document, JsonNode property) =>
        property["$ref"] is not null
            ? document.Resolve(property)
            : document.Resolve((property["oneOf"] ?? property["anyOf"])!.AsArray().Single(s => s!["$ref"] is not null)!);

    [Fact]
    public async Task the_candidate_pattern_accepts_exactly_the_names_the_validator_accepts()
    {
        var document = await ServedDocument.FetchAsync(api);
        var spec = document.Resolve(document.Resolve(document.Root["components"]!["schemas"]!["CampaignSubmission"]!)["properties"]!["spec"]!);
        var candidates = document.Resolve(spec["properties"]!["dnas"]!)["properties"]!["candidates"]!;
        // Read as JSON Schema (ECMA-262) reads it: its final $ is the end of the text, never before a final newline.
        var pattern = new Regex(Regex.Replace(candidates["items"]!["pattern"]!.GetValue<string>(), @"\$$", @"\z"));
        var names = new List<string> { "skip", "Skip", "skip ", "skip\n", "", "k3", "k3_e", "k_e1", "k3_e1_g", "k3_e1_g2_g2", "x3_e1", "k3_e1\n", " k3_e1",
            "k３_e1" };
        string[] numbers = ["0", "00", "01", "02", "03", "09", "001", "011", "100", .. Enumerable.Range(1, 99).Select(n => n.ToString(CultureInfo.InvariantCulture))];
        string[] few = ["0", "00", "01", "02", "1", "2", "3", "6", "10", "11", "42", "99", "100"];
        foreach (var kernel in numbers)
        {
            foreach (var expansion in few)
            {
                names.Add($"k{kernel}_e{expansion}");
                names.AddRange(few.Select(groups => $"k{kernel}_e{expansion}_g{groups}"));
            }
        }

        var disagreements = names.Where(n => pattern.IsMatch(n) != (SupernetCandidate.Problem(n) is null)).ToList();

        Assert.True(disagreements.Count == 0, "the pattern and the validator disagree on: " + string.Join(", ", disagreements.Select(n => $"'{n}'")));
        Assert.All(SupernetCandidate.DefaultNames, n => Assert.Matches(pattern, n));
    }
}
