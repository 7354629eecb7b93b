using System.Text.Json;
using System.Text.RegularExpressions;
using Mnas.Campaigns;
using Mnas.Grains;
using Mnas.SearchSpace.Architectures;
using Mnas.SearchSpace.Space;
using Mnas.SearchSpace.Spec;
using Mnas.SearchSpace.Views;
using Mnas.Store.Sqlite;

namespace Mnas.Api.Tests;

/// <summary>
/// <c>mnas export</c> as a real process, on a done child written straight into its store (weights as any bytes: the
/// export copies them): every JSON file in the versioned layout of docs/export-format.md, snake_case and plain UTF-8.
/// </summary>
public sealed partial class ExportCommandTests : IDisposable
{
    private const string Campaign = "réseau";

    private readonly string data = Directory.CreateTempSubdirectory("mnas-export-").FullName;

    public void Dispose() => Directory.Delete(data, recursive: true);

    [Fact(Timeout = 120_000)]
    public async Task every_exported_json_file_carries_format_version_1_snake_case_keys_and_plain_utf8()
    {
        var spec = new CampaignSpec { Name = Campaign };
        var space = new ModelSpace(spec);
        // A sample with a layer added somewhere: its canonical string holds "+1", which a default encoder writes \u002B1.
        var sample = Enumerable.Range(1, 100).Select(seed => space.Random(new Random(seed))).First(s => s.Canonical.Contains("=+1", StringComparison.Ordinal));
        var proxy = ArchitectureViews.Proxy(space.Freeze(sample), new InputShape(1, 28, 28), 10);
        var weights = new byte[] { 1, 2, 3, 4, 5 };
        await SeedDoneChildAsync(spec, sample, proxy, weights);
        var output = Path.Combine(data, "out");

        var (exitCode, text) = await MnasCommand.RunAsync("export", [], Campaign, "--child", "1", "--out", output, "--data", data);

        Assert.True(exitCode == 0, text);
        var metricsText = File.ReadAllText(Path.Combine(output, "metrics.json"));
        Assert.DoesNotContain("\\u", metricsText);
        Assert.Contains($"\"campaign\": \"{Campaign}\"", metricsText);
        Assert.Contains($"\"architecture\": \"{sample.Canonical}\"", metricsText);
        var metrics = JsonDocument.Parse(metricsText).RootElement;
        Assert.Equal(["format_version", "campaign", "child", "architecture", "metrics", "reward", "weights"], Keys(metrics));
        Assert.All(AllKeys(metrics), key => Assert.Matches(SnakeCase(), key));
        Assert.Equal(1, metrics.GetProperty("format_version").GetInt32());
        Assert.Equal(1, metrics.GetProperty("child").GetInt64());
        Assert.Equal(0.25, metrics.GetProperty("reward").GetDouble());
        var measured = metrics.GetProperty("metrics");
        Assert.Equal(["accuracy", "latency_ms", "params", "macs", "peak_activation_bytes", "train_seconds"], Keys(measured));
        Assert.Equal(0.875, measured.GetProperty("accuracy").GetDouble());
        Assert.Equal(12.5, measured.GetProperty("latency_ms").GetDouble());
        Assert.Equal(3_000_000, measured.GetProperty("peak_activation_bytes").GetInt64());
        var weightsBlock = metrics.GetProperty("weights");
        Assert.Equal(["file", "trained_on", "architecture"], Keys(weightsBlock));
        Assert.Equal("weights.safetensors", weightsBlock.GetProperty("file").GetString());
        Assert.Equal("weights-architecture.json", weightsBlock.GetProperty("architecture").GetString());

        Assert.Equal(weights, File.ReadAllBytes(Path.Combine(output, "weights.safetensors")));
        foreach (var (file, expected) in new[] { ("architecture.json", space.Freeze(sample)), ("weights-architecture.json", proxy) })
        {
            var path = Path.Combine(output, file);
            var architectureText = File.ReadAllText(path);
            Assert.StartsWith("{\n  \"format_version\": 1,", architectureText);
            Assert.DoesNotContain("\\u", architectureText);
            Assert.Contains(sample.Canonical, architectureText);
            Assert.All(AllKeys(JsonDocument.Parse(architectureText).RootElement), key => Assert.Matches(SnakeCase(), key));
            Assert.Equal(expected, ArchitectureFile.Load(path));
        }
    }

    /// <summary>
    /// The campaign, its child 1 done, the weights and, as a campaign run before layouts were versioned kept it, the
    /// proxy view's architecture file without <c>format_version</c>.
    /// </summary>
    private async Task SeedDoneChildAsync(CampaignSpec spec, Sample sample, Architecture proxy, byte[] weights)
    {
        await using (var store = SqliteCampaignStore.InDirectory(data))
        {
            await store.CreateCampaignAsync(new Campaign(Campaign, Campaign, CampaignSpecWriter.ToJson(spec), new CampaignSettings("rl").ToJson(), 7,
                CampaignStatus.Completed, TestApi.Start));
            var child = await store.AddChildAsync(new Child(Campaign, 1, sample.Canonical, sample.ToTokens(), -1.5, 0, ChildStatus.Sampled, 1,
                null, null, null, TestApi.Start));
            await store.UpdateChildAsync(child with
            {
                Status = ChildStatus.Done,
                Metrics = new ChildMetrics(0.875, 12.5, 1_000_000, 2_000_000, 3_000_000, 4.5),
                Reward = 0.25,
                UpdatedAt = TestApi.Start.AddMinutes(1),
            });
        }

        var weightsPath = CampaignPaths.Weights(data, Campaign, 1);
        Directory.CreateDirectory(Path.GetDirectoryName(weightsPath)!);
        File.WriteAllBytes(weightsPath, weights);
        var unversioned = ArchitectureFile.ToJson(proxy).Replace("  \"format_version\": 1,\n", "", StringComparison.Ordinal);
        Assert.DoesNotContain("format_version", unversioned);
        File.WriteAllText(CampaignPaths.WeightsArchitecture(data, Campaign, 1), unversioned);
    }

    private static string[] Keys(JsonElement element) => element.EnumerateObject().Select(p => p.Name).ToArray();

    private static IEnumerable<string> AllKeys(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => element.EnumerateObject().SelectMany(p => AllKeys(p.Value).Prepend(p.Name)),
        JsonValueKind.Array => element.EnumerateArray().SelectMany(AllKeys),
        _ => [],
    };

    [GeneratedRegex("^[a-z][a-z0-9]*(_[a-z0-9]+)*$")]
    private static partial Regex SnakeCase();
}
