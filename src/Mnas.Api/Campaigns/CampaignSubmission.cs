using System.Text.Json;
using System.Text.RegularExpressions;
using Mnas.Grains;
using Mnas.SearchSpace.Spec;
using Mnas.SearchSpace.Validation;

namespace Mnas.Api.Campaigns;

/// <summary>
/// A campaign as <c>POST /campaigns</c> submits it: <c>spec</c> (a campaign spec, the keys of spec files), <c>strategy</c>
/// (rl, random), <c>children</c>, <c>hours</c>, <c>minibatch</c>, <c>seed</c> and an optional <c>id</c>, read with
/// every problem named by its field and the bounds of <see cref="CampaignLimits"/> applied.
/// </summary>
public sealed partial record CampaignSubmission(CampaignSpec Spec, CampaignSettings Settings, long Seed, string? Id)
{
    private static readonly HashSet<string> Fields = ["spec", "strategy", "children", "hours", "minibatch", "seed", "id"];

    /// <summary>The submission <paramref name="root"/> holds, or null with every problem in <paramref name="errors"/>.</summary>
    public static CampaignSubmission? Read(JsonElement root, ValidationErrors errors)
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

        var spec = ReadSpec(root, errors);
        var strategy = "rl";
        if (Optional(root, "strategy") is { } strategyValue)
        {
            strategy = Text(strategyValue) ?? "";
            if (strategy is not ("rl" or "random"))
            {
                errors.Add("strategy", $"must be rl or random (got {Describe(strategyValue)})");
            }
        }

        var children = Integer(root, "children", 1, CampaignLimits.MaxChildren, errors);
        var hours = Hours(root, errors);
        var minibatch = Integer(root, "minibatch", 1, CampaignLimits.MaxMinibatch, errors) ?? 20;
        long seed = 0;
        if (Optional(root, "seed") is { } seedValue && (seedValue.ValueKind != JsonValueKind.Number || !seedValue.TryGetInt64(out seed)))
        {
            errors.Add("seed", $"must be a whole number in the 64-bit range (got {Describe(seedValue)})");
        }

        string? id = null;
        if (Optional(root, "id") is { } idValue)
        {
            id = Text(idValue);
            if (id is null || !IdPattern().IsMatch(id))
            {
                errors.Add("id", $"must be 1 to 64 letters, digits, '.', '_' or '-', starting with a letter or digit (got {Describe(idValue)})");
            }
        }

        if (errors.Any || spec is null)
        {
            return null;
        }

        var settings = new CampaignSettings(strategy, children ?? (hours is null ? 20 : null), hours, minibatch);
        foreach (var problem in settings.Validate())
        {
            var colon = problem.IndexOf(": ", StringComparison.Ordinal);
            errors.Add(colon > 0 ? problem[..colon] : "body", colon > 0 ? problem[(colon + 2)..] : problem);
        }

        return errors.Any ? null : new CampaignSubmission(spec, settings, seed, id);
    }

    private static CampaignSpec? ReadSpec(JsonElement root, ValidationErrors errors)
    {
        if (Optional(root, "spec") is not { } specValue)
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
            CampaignLimits.Check(spec, errors);
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

    private static int? Integer(JsonElement root, string field, int min, int max, ValidationErrors errors)
    {
        if (Optional(root, field) is not { } value)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt64(out var number) || number < min || number > max)
        {
            errors.Add(field, $"must be a whole number in {min}..{max} (got {Describe(value)})");
            return null;
        }

        return (int)number;
    }

    private static double? Hours(JsonElement root, ValidationErrors errors)
    {
        if (Optional(root, "hours") is not { } value)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Number || !value.TryGetDouble(out var hours) || !double.IsFinite(hours) || hours <= 0 ||
            hours > CampaignLimits.MaxHours)
        {
            errors.Add("hours", $"must be a number above 0 and at most {CampaignLimits.MaxHours} (got {Describe(value)})");
            return null;
        }

        return hours;
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

    /// <summary>The field's value; null when it is absent or JSON null (its default applies).</summary>
    private static JsonElement? Optional(JsonElement root, string field) =>
        root.TryGetProperty(field, out var value) && value.ValueKind != JsonValueKind.Null ? value : null;

    /// <summary>A value as an error message shows it: short, and never the whole of a long one.</summary>
    private static string Describe(JsonElement value)
    {
        var text = value.ValueKind switch
        {
            JsonValueKind.Object => "an object",
            JsonValueKind.Array => "an array",
            JsonValueKind.String => Text(value) is { } s ? $"'{s}'" : value.GetRawText(),
            _ => value.GetRawText(),
        };
        return text.Length > 80 ? text[..77] + "…" : text;
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")]
    private static partial Regex IdPattern();
}
