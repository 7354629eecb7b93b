using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Mnas.Api.Security;
using Mnas.Campaigns;
using Mnas.Grains;
using Mnas.SearchSpace.Recipes;
using Mnas.Store.Sqlite;

namespace Mnas.Api.Tests;

/// <summary>
/// <c>mnas requery</c> as a real process on an fbnetv3 campaign searched by <c>mnas search</c> (<see cref="Fbnetv3SearchRun"/>):
/// the pairs within the limits, as a table and as the API's JSON, which <c>POST /campaigns/{id}/requery</c> answers the
/// same over the same store; bad options and campaigns that cannot be asked refused with a message naming why.
/// </summary>
[Collection(SiloProcessCollection.Name)]
public sealed partial class RequeryCommandTests(Fbnetv3SearchRun run) : IClassFixture<Fbnetv3SearchRun>
{
    [Fact(Timeout = 120_000)]
    public async Task the_pairs_within_the_limits_are_printed_best_first_with_their_recipes_and_the_candidates_skipped()
    {
        var (exitCode, output) = await RequeryAsync("--max-latency-ms", "20", "--max-params", "60000");

        Assert.True(exitCode == 0, output);
        Assert.Contains("requery of v3: latency ≤ 20 ms, params ≤ 60000; ", output);
        var rows = PairRow().Matches(output);
        Assert.NotEmpty(rows);
        var predicted = rows.Select(r => double.Parse(r.Groups["predicted"].Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(predicted.OrderDescending(), predicted);
        Assert.All(rows, r => Assert.True(double.Parse(r.Groups["latency"].Value, System.Globalization.CultureInfo.InvariantCulture) <= 20, r.Value));
        var recipes = RecipeLine().Matches(output).Select(m => Recipe.Parse(m.Groups[1].Value)).ToList();
        Assert.Equal(rows.Count, recipes.Count);
        Assert.Equal(rows.Count, ArchitectureLine().Matches(output).Count);
        Assert.Matches(@"\n\d+ candidate\(s\) skipped: the campaign's latency table lacks one of their operators\n$", output);
    }

    [Fact(Timeout = 120_000)]
    public async Task the_json_is_what_the_api_answers_for_the_same_campaign_and_limits()
    {
        var (exitCode, output) = await RequeryAsync("--max-params", "60000", "--max-macs", "4000000", "--json");
        Assert.True(exitCode == 0, output);
        var printed = JsonDocument.Parse(output).RootElement;

        await using var store = SqliteCampaignStore.InDirectory(run.Data);
        await using var api = ApiServer.Create(new ApiOptions { Listen = "http://127.0.0.1:0" }, store);
        await api.StartAsync();
        var (_, key) = await ApiKeys.CreateAsync(store, "requery-test", ApiRole.Operator);
        using var client = new HttpClient { BaseAddress = new Uri(api.Urls.First()) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        using var response = await client.PostAsync($"/api/v1/campaigns/{Fbnetv3SearchRun.Campaign}/requery",
            new StringContent("""{"max_params": 60000, "max_macs": 4e6}""", Encoding.UTF8, "application/json"));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        var answered = JsonDocument.Parse(body).RootElement;

        Assert.Equal(JsonSerializer.Serialize(answered), JsonSerializer.Serialize(printed));
        Assert.Equal(60000, printed.GetProperty("constraints").GetProperty("max_params").GetInt64());
        Assert.Equal(JsonValueKind.Null, printed.GetProperty("constraints").GetProperty("max_latency_ms").ValueKind);
        var pairs = printed.GetProperty("pairs").EnumerateArray().ToList();
        Assert.NotEmpty(pairs);
        Assert.NotEmpty(printed.GetProperty("iterations").EnumerateArray());
        Assert.True(printed.GetProperty("unmeasured").GetInt32() >= 0);
        foreach (var pair in pairs)
        {
            var costs = pair.GetProperty("costs");
            Assert.InRange(costs.GetProperty("params").GetInt64(), 1, 60000);
            Assert.InRange(costs.GetProperty("macs").GetInt64(), 1, 4_000_000);
            var recipe = RecipeChildName.Parse(pair.GetProperty("architecture").GetString()!).Recipe;
            Assert.Equal(recipe.Optimizer, pair.GetProperty("recipe").GetProperty("optimizer").GetString());
            Assert.Equal(recipe.LearningRate, pair.GetProperty("recipe").GetProperty("learning_rate").GetDouble());
            Assert.Equal(recipe.Epochs, pair.GetProperty("recipe").GetProperty("epochs").GetInt32());
        }
    }

    [Theory(Timeout = 60_000)]
    [InlineData("--max-latency-ms", "-1")]
    [InlineData("--max-latency-ms", "0")]
    [InlineData("--max-latency-ms", "NaN")]
    [InlineData("--max-params", "0")]
    [InlineData("--max-macs", "-5")]
    [InlineData("--max-peak-activation-bytes", "lots")]
    [InlineData("--max-params", "1.5")]
    public async Task a_bad_limit_is_refused_naming_its_option(string option, string value)
    {
        var (exitCode, output) = await RequeryAsync(option, value);

        Assert.NotEqual(0, exitCode);
        Assert.Contains(option, output);
        Assert.DoesNotContain("requery of", output);
    }

    [Fact(Timeout = 60_000)]
    public async Task a_campaign_that_is_unknown_of_another_strategy_or_without_a_predictor_is_refused_saying_why()
    {
        var data = Directory.CreateTempSubdirectory("mnas-requery-refused-").FullName;
        try
        {
            await using (var store = SqliteCampaignStore.InDirectory(data))
            {
                foreach (var (id, strategy) in new[] { ("rl", "rl"), ("fresh", PredictorStrategies.Fbnetv3) })
                {
                    await store.CreateCampaignAsync(new Campaign(id, id, "{}", new CampaignSettings(strategy).ToJson(), 7, CampaignStatus.Running, TestApi.Start));
                }
            }

            var unknown = await MnasCommand.RunAsync("requery", [], "nope", "--data", data);
            var other = await MnasCommand.RunAsync("requery", [], "rl", "--data", data);
            var fresh = await MnasCommand.RunAsync("requery", [], "fresh", "--data", data);

            Assert.Equal(2, unknown.ExitCode);
            Assert.Contains("mnas: campaign: no campaign 'nope'", unknown.Output);
            Assert.Equal(2, other.ExitCode);
            Assert.Contains("strategy rl", other.Output);
            Assert.Equal(2, fresh.ExitCode);
            Assert.Contains("no predictor yet", fresh.Output);
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }

    private Task<(int ExitCode, string Output)> RequeryAsync(params string[] arguments) =>
        MnasCommand.RunAsync("requery", Fbnetv3SearchRun.Settings, [Fbnetv3SearchRun.Campaign, .. arguments, "--data", run.Data]);

    [GeneratedRegex(@"^\s*\d+\s+(?<predicted>\d+\.\d{2})\s+(?<latency>\d+\.\d{3})\s+\d+\.\d{2}\s+\d+\.\d{2}$", RegexOptions.Multiline)]
    private static partial Regex PairRow();

    [GeneratedRegex(@"^    recipe: (.+)$", RegexOptions.Multiline)]
    private static partial Regex RecipeLine();

    [GeneratedRegex(@"^    architecture: b1\.", RegexOptions.Multiline)]
    private static partial Regex ArchitectureLine();
}
