using System.Text.Json;
using Mnas.Costs.Admission;
using Mnas.Grains;
using Mnas.SearchSpace.Contract;
using Mnas.SearchSpace.Spec;
using Mnas.SearchSpace.Validation;

namespace Mnas.Api.Campaigns;

/// <summary>
/// A campaign as <c>POST /campaigns</c> submits it: <c>spec</c> (a campaign spec, the keys of spec files), <c>strategy</c>
/// (one of <see cref="CampaignSettings.Strategies"/>), <c>children</c>, <c>hours</c>, <c>minibatch</c>, <c>seed</c> and an optional <c>id</c>, read with
/// every problem named by its field: the settings held to <see cref="CampaignRanges.Submission"/>, the spec to the
/// <see cref="CampaignContract"/>. A key left out takes its default; null is refused except where the default is none
/// (<c>children</c>, <c>hours</c>, <c>id</c>), where it means the same as leaving the key out.
/// </summary>
public sealed record CampaignSubmission(CampaignSpec Spec, CampaignSettings Settings, long Seed, string? Id)
{
    private static readonly HashSet<string> Fields = ["spec", "strategy", "children", "hours", "minibatch", "seed", "id"];

    /// <summary>The submission <paramref name="root"/> holds, or null with every problem in <paramref name="errors"/>.</summary>
    public static CampaignSubmission? Read(JsonElement root, ValidationErrors errors, ChildResourceLimits limits)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            errors.Add("body", $"must be an object with a spec and the campaign's settings (got {Describe(root)})");
            return null;
        }

        foreach (var property in root.EnumerateObject().Where(p => !Fields.Contains(p.Name)))
        {
            errors.Add(property.Name, $"unknown field (expected {string.Join(", ", Fields)})");
        }

        // The spec is checked for the strategy asked for (a memnas campaign's base must be a sample of its space); a bad strategy is named below.
        var requested = root.TryGetProperty("strategy", out var asked) && asked.ValueKind == JsonValueKind.String ? asked.GetString() : null;
        var spec = ReadSpec(root, errors, limits, requested);
        var strategy = "rl";
        if (Given(root, "strategy", errors) is { } strategyValue)
        {
            strategy = Text(strategyValue) ?? "";
            if (!CampaignSettings.Strategies.Contains(strategy))
            {
                errors.Add("strategy", $"must be one of {string.Join(", ", CampaignSettings.Strategies)} (got {Describe(strategyValue)})");
            }
        }

        var children = Whole(Optional(root, "children"), "children", errors);
        var hours = Number(Optional(root, "hours"), "hours", errors);
        var minibatch = Whole(Given(root, "minibatch", errors), "minibatch", errors) ?? 20;
        var seed = Whole(Given(root, "seed", errors), "seed", errors) ?? 0;
        string? id = null;
        if (Optional(root, "id") is { } idValue)
        {
            id = Text(idValue);
            if (!CampaignRanges.IsCampaignId(id))
            {
                errors.Add("id", $"must be 1 to 64 letters, digits, '.', '_' or '-', starting with a letter or digit (got {Describe(idValue)})");
            }
        }

        if (errors.Any || spec is null)
        {
            return null;
        }

        // Without a budget, 20 children; an fbnetv3 campaign plans its own (every round's and the final ones).
        var settings = new CampaignSettings(strategy, (int?)children ?? (hours is null ? CampaignSettings.DefaultChildren(strategy, spec, 20) : null), hours, (int)minibatch);
        foreach (var problem in settings.Validate())
        {
            var colon = problem.IndexOf(": ", StringComparison.Ordinal);
            errors.Add(colon > 0 ? problem[..colon] : "body", colon > 0 ? problem[(colon + 2)..] : problem);
        }

        return errors.Any ? null : new CampaignSubmission(spec, settings, seed, id);
    }

    private static CampaignSpec? ReadSpec(JsonElement root, ValidationErrors errors, ChildResourceLimits limits, string? strategy)
    {
        if (!root.TryGetProperty("spec", out var specValue))
        {
            errors.Add("spec", "required: the campaign spec, as an object with the keys of a spec file");
            return null;
        }

        if (specValue.ValueKind != JsonValueKind.Object)
        {
            errors.Add("spec", $"must be an object with the keys of a spec file (got {Describe(specValue)})");
            return null;
        }

        try
        {
            var spec = CampaignSpecLoader.FromJson(specValue.GetRawText());
            CampaignContract.ThrowIfRefused(spec, limits, strategy: strategy);
            return spec;
        }
        catch (SpecException invalid)
        {
            foreach (var problem in invalid.Problems)
            {
                errors.Add(problem.Path.Length == 0 ? "spec" : "spec." + problem.Path, problem.Message);
            }

            return null;
        }
    }

    /// <summary>A whole number within the field's range in <see cref="CampaignRanges.Submission"/>; null when absent or refused.</summary>
    private static long? Whole(JsonElement? given, string field, ValidationErrors errors)
    {
        if (given is not { } value)
        {
            return null;
        }

        var range = CampaignRanges.ForSubmission(field);
        if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt64(out var number) || !range.Contains(number))
        {
            errors.Add(field, $"must be a whole number in {range.Interval} (got {Describe(value)})");
            return null;
        }

        return number;
    }

    private static double? Number(JsonElement? given, string field, ValidationErrors errors)
    {
        if (given is not { } value)
        {
            return null;
        }

        var range = CampaignRanges.ForSubmission(field);
        if (value.ValueKind != JsonValueKind.Number || !value.TryGetDouble(out var number) || !range.Contains(number))
        {
            errors.Add(field, $"must be a number in {range.Interval} (got {Describe(value)})");
            return null;
        }

        return number;
    }

    /// <summary>A string value's text; null for any other value, and for a string that escapes half a surrogate pair (no text).</summary>
    private static string? Text(JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.String)
        {
            return null;
        }

        try
        {
            return value.GetString();
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }

    /// <summary>The value of a field whose default is none; null when it is absent or JSON null (the same thing).</summary>
    private static JsonElement? Optional(JsonElement root, string field) =>
        root.TryGetProperty(field, out var value) && value.ValueKind != JsonValueKind.Null ? value : null;

    /// <summary>The value of a field that has a default; null when it is absent. JSON null is refused: leave the key out for the default.</summary>
    private static JsonElement? Given(JsonElement root, string field, ValidationErrors errors)
    {
        if (!root.TryGetProperty(field, out var value))
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.Null)
        {
            errors.Add(field, "must not be null (leave the key out for its default)");
            return null;
        }

        return value;
    }

    /// <summary>A value as an error message shows it: short, and never the whole of a long one.</summary>
    private static string Describe(JsonElement value)
    {
        var text = value.ValueKind switch
        {
            JsonValueKind.Object => "an object",
            JsonValueKind.Array => "an array",
            JsonValueKind.String => Text(value) is { } s ? QuotedText.Of(s) : value.GetRawText(),
            _ => value.GetRawText(),
        };
        return text.Length > 80 ? text[..77] + "…" : text;
    }
}
