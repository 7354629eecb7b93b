using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Mnas.Api;
using Mnas.Api.Search;
using Mnas.Grains.Fbnetv3;
using Mnas.SearchSpace.Predictor;
using Mnas.SearchSpace.Recipes;

namespace Mnas.Host.Commands;

/// <summary>
/// <c>mnas requery CAMPAIGN [--max-latency-ms X] [--max-params N] [--max-macs N] [--max-peak-activation-bytes N] [--json]</c>:
/// asks an fbnetv3 campaign's predictor for its best architecture–recipe pairs under other limits (its fine stage run again
/// over the campaign's latency table; nothing trains, nothing is timed, nothing is written), and prints them with how many
/// candidates were skipped for an operator the table lacks. <c>--json</c> prints what <c>POST /campaigns/{id}/requery</c> answers.
/// </summary>
internal static class RequeryCommand
{
    public static Command Create()
    {
        var campaign = new Argument<string>("campaign") { Description = "the fbnetv3 campaign's id" };
        var latency = new Option<double?>("--max-latency-ms") { Description = "the most latency a pair may cost, by the campaign's lookup table (ms)" };
        var parameters = new Option<long?>("--max-params") { Description = "the most parameters a pair may have" };
        var macs = new Option<long?>("--max-macs") { Description = "the most multiply-adds of one image a pair may cost" };
        var peak = new Option<long?>("--max-peak-activation-bytes") { Description = "the most live activation bytes a pair may hold at once" };
        var json = new Option<bool>("--json") { Description = "write JSON (the API's requery answer)" };
        var data = DataOption.Create();
        var settingsOptions = new SettingsOptions();
        var command = new Command("requery", "Ask an fbnetv3 campaign's predictor for its best architecture–recipe pairs under other limits")
        {
            campaign, latency, parameters, macs, peak, json, data,
        };
        settingsOptions.AddTo(command);
        command.SetAction((result, cancellation) => CommandErrors.RunAsync(async () =>
        {
            var constraints = new PairConstraints
            {
                MaxLatencyMs = Positive(result, latency), MaxParams = Positive(result, parameters), MaxMacs = Positive(result, macs),
                MaxPeakActivationBytes = Positive(result, peak),
            };
            var id = result.GetValue(campaign)!;
            await using var store = await CampaignSession.OpenStoreAsync(settingsOptions.Load(result), result.GetValue(data)!, cancellation);
            if (await store.GetCampaignAsync(id, cancellation) is null)
            {
                throw new ArgumentException($"campaign: no campaign '{id}' in the store");
            }

            RequeryResult answer;
            try
            {
                answer = await CampaignRequery.RunAsync(store, id, constraints, cancellation);
            }
            catch (InvalidOperationException refused)
            {
                throw new ArgumentException($"campaign: {refused.Message}", refused);
            }

            Console.Write(result.GetValue(json) ? Json(answer) : Text(id, answer));
            return 0;
        }));
        return command;
    }

    /// <summary>The pairs as a fixed-width table, each followed by its architecture and recipe, then the count of candidates skipped.</summary>
    public static string Text(string campaignId, RequeryResult answer)
    {
        var text = new StringBuilder();
        text.Append(Invariant($"requery of {campaignId}: {Limits(answer.Constraints)}; {answer.Iterations.Count} iterations, {answer.Pairs.Count} pairs\n"));
        string[] header = ["#", "predicted %", "latency ms", "params M", "MACs M"];
        var rows = answer.Pairs.Select((p, i) => new[]
        {
            Invariant($"{i + 1}"), Invariant($"{100 * p.PredictedAccuracy:F2}"), Invariant($"{p.Costs.LatencyMs:F3}"), Invariant($"{p.Costs.Params / 1e6:F2}"),
            Invariant($"{p.Costs.Macs / 1e6:F2}"),
        }).ToList();
        var widths = header.Select((h, i) => rows.Select(r => r[i].Length).Append(h.Length).Max()).ToArray();
        text.Append(string.Join("  ", header.Select((h, i) => h.PadLeft(widths[i])))).Append('\n');
        for (var i = 0; i < rows.Count; i++)
        {
            text.Append(string.Join("  ", rows[i].Select((c, j) => c.PadLeft(widths[j])))).Append('\n');
            var (sample, recipe) = Split(answer.Pairs[i].Architecture);
            text.Append("    architecture: ").Append(sample).Append('\n');
            if (recipe is not null)
            {
                text.Append("    recipe: ").Append(recipe.ToText()).Append('\n');
            }
        }

        if (rows.Count == 0)
        {
            text.Append("(no pair meets the limits)\n");
        }

        text.Append(Invariant($"{answer.Unmeasured} candidate(s) skipped: the campaign's latency table lacks one of their operators\n"));
        return text.ToString();
    }

    private static string Json(RequeryResult answer)
    {
        var options = new JsonSerializerOptions { WriteIndented = true };
        ApiJson.Configure(options);
        return JsonSerializer.Serialize(RequeryResponse.From(answer), options) + "\n";
    }

    private static string Limits(PairConstraints c)
    {
        var limits = new List<string>();
        if (c.MaxLatencyMs is { } latency)
        {
            limits.Add(Invariant($"latency ≤ {latency} ms"));
        }
        if (c.MaxParams is { } parameters)
        {
            limits.Add(Invariant($"params ≤ {parameters}"));
        }
        if (c.MaxMacs is { } macs)
        {
            limits.Add(Invariant($"MACs ≤ {macs}"));
        }
        if (c.MaxPeakActivationBytes is { } peak)
        {
            limits.Add(Invariant($"peak activations ≤ {peak} B"));
        }
        return limits.Count == 0 ? "no limits" : string.Join(", ", limits);
    }

    // A name without a recipe is shown whole.
    private static (string Sample, Recipe? Recipe) Split(string architecture)
    {
        try
        {
            return RecipeChildName.Parse(architecture);
        }
        catch (FormatException)
        {
            return (architecture, null);
        }
    }

    private static double? Positive(ParseResult result, Option<double?> option) =>
        result.GetValue(option) is { } value && !(double.IsFinite(value) && value > 0)
            ? throw new ArgumentException(Invariant($"{option.Name}: must be a positive, finite number (got {value})"))
            : result.GetValue(option);

    private static long? Positive(ParseResult result, Option<long?> option) =>
        result.GetValue(option) is { } value && value <= 0
            ? throw new ArgumentException(Invariant($"{option.Name}: must be a positive whole number (got {value})"))
            : result.GetValue(option);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
