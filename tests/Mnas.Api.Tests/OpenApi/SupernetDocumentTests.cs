using System.Globalization;
using System.Text.RegularExpressions;
using Mnas.Grains;
using Mnas.SearchSpace.Contract;
using Mnas.SearchSpace.Supernet;

namespace Mnas.Api.Tests.OpenApi;

/// <summary>The document's supernet operation and its differentiable submissions: the strategies, the spec's dnas section, candidate names.</summary>
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
            ["attempts", "candidates", "epochs", "epochs_done", "epochs_planned", "posterior", "resolutions", "strategy", "trained", "widths"],
            response["properties"]!.AsObject().Select(p => p.Key).Order(StringComparer.Ordinal));
        var epoch = document.Resolve(document.Resolve(response["properties"]!["epochs"]!)["items"]!);
        Assert.Equal(
            ["at", "attempt", "cross_entropy", "distributions", "epoch", "expected_latency_ms", "loss", "resolution_distribution", "seconds",
                "temperature", "theta_trained", "width_distributions"],
            epoch["properties"]!.AsObject().Select(p => p.Key).Order(StringComparer.Ordinal));
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
