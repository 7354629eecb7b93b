using System.Text.Json;
using Mnas.Campaigns;

namespace Mnas.Store;

/// <summary>
/// The argument checks of a predictor-driven search's writes (its rounds and its latency lookup table), the same in every
/// store, in the manner of <see cref="StoreRules"/>: each throws an <see cref="ArgumentException"/> whose ParamName is the field.
/// </summary>
public static class SearchRules
{
    /// <summary>Checks a round for <see cref="ICampaignStore.RecordSearchRoundAsync"/>: an id, a round from 1, a stage, and a JSON object.</summary>
    public static void ValidateRound(SearchRoundRecord? round)
    {
        if (round is null)
        {
            throw new ArgumentNullException(nameof(round));
        }

        StoreRules.RequireId(round.CampaignId, "round.CampaignId");
        if (round.Round < 1)
        {
            throw new ArgumentException($"round.Round must be at least 1 (got {round.Round})", "round.Round");
        }

        if (string.IsNullOrWhiteSpace(round.Stage))
        {
            throw new ArgumentException("round.Stage must name the search's stage", "round.Stage");
        }

        RequireJsonObject(round.Json, "round.Json");
    }

    /// <summary>
    /// Checks the arguments of <see cref="ICampaignStore.AddLatencyEntriesAsync"/>: an id, the entries, each with a key and
    /// a latency that is positive and finite (the field of a bad latency is <c>entries[key]</c>).
    /// </summary>
    public static void ValidateLatencyEntries(string? campaignId, IReadOnlyDictionary<string, double>? entries)
    {
        StoreRules.RequireId(campaignId, nameof(campaignId));
        if (entries is null)
        {
            throw new ArgumentException("entries must not be null", nameof(entries));
        }

        foreach (var (key, latencyMs) in entries)
        {
            if (string.IsNullOrWhiteSpace(key))
            {
                throw new ArgumentException("entries must not hold an empty operator key", nameof(entries));
            }

            if (!(double.IsFinite(latencyMs) && latencyMs > 0))
            {
                throw new ArgumentException($"entries[{key}] must be a positive, finite latency in ms (got {latencyMs})", $"entries[{key}]");
            }
        }
    }

    private static void RequireJsonObject(string? json, string field)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            throw new ArgumentException($"{field} must hold the round as a JSON object", field);
        }

        JsonValueKind kind;
        try
        {
            using var document = JsonDocument.Parse(json);
            kind = document.RootElement.ValueKind;
        }
        catch (JsonException e)
        {
            throw new ArgumentException($"{field} is not JSON: {e.Message}", field, e);
        }

        if (kind != JsonValueKind.Object)
        {
            throw new ArgumentException($"{field} must be a JSON object (got {kind.ToString().ToLowerInvariant()})", field);
        }
    }
}
