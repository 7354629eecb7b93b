using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Mnas.Api.Campaigns;
using Mnas.SearchSpace.Predictor;

namespace Mnas.Api.Search;

/// <summary>
/// The body of <c>POST /campaigns/{id}/requery</c>: the limits the proposed pairs must meet, each optional (left out or
/// null, there is none): <c>max_latency_ms</c> a positive number, <c>max_params</c>, <c>max_macs</c> and
/// <c>max_peak_activation_bytes</c> positive whole numbers. An empty body sets no limit; any other key is refused by name.
/// </summary>
public static class RequeryRequest
{
    public const string MaxLatencyMs = "max_latency_ms";
    public const string MaxParams = "max_params";
    public const string MaxMacs = "max_macs";
    public const string MaxPeakActivationBytes = "max_peak_activation_bytes";

    /// <summary>The body's keys, in the order the document lists them.</summary>
    public static IReadOnlyList<string> Keys { get; } = [MaxLatencyMs, MaxParams, MaxMacs, MaxPeakActivationBytes];

    /// <summary>The constraints the body sets, or null with every problem in <paramref name="errors"/> by its field.</summary>
    public static async Task<PairConstraints?> ReadAsync(HttpRequest request, ValidationErrors errors, CancellationToken cancellation)
    {
        using var reader = new StreamReader(request.Body, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true));
        string text;
        try
        {
            text = await reader.ReadToEndAsync(cancellation);
        }
        catch (DecoderFallbackException)
        {
            errors.Add("body", "must be UTF-8 text");
            return null;
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            return new PairConstraints();
        }

        try
        {
            using var document = JsonDocument.Parse(text);
            return Read(document.RootElement, errors);
        }
        catch (JsonException invalid)
        {
            errors.Add("body", $"is not JSON: {invalid.Message}");
            return null;
        }
    }

    /// <summary>The constraints <paramref name="body"/> sets, or null with every problem in <paramref name="errors"/> by its field.</summary>
    public static PairConstraints? Read(JsonElement body, ValidationErrors errors)
    {
        if (body.ValueKind != JsonValueKind.Object)
        {
            errors.Add("body", $"must be a JSON object with any of {string.Join(", ", Keys)} (got {body.ValueKind.ToString().ToLowerInvariant()})");
            return null;
        }

        foreach (var property in body.EnumerateObject().Where(p => !Keys.Contains(p.Name, StringComparer.Ordinal)))
        {
            errors.Add(property.Name, $"is not a requery field: the fields are {string.Join(", ", Keys)}");
        }

        var constraints = new PairConstraints
        {
            MaxLatencyMs = Number(body, MaxLatencyMs, errors),
            MaxParams = Count(body, MaxParams, errors),
            MaxMacs = Count(body, MaxMacs, errors),
            MaxPeakActivationBytes = Count(body, MaxPeakActivationBytes, errors),
        };
        return errors.Any ? null : constraints;
    }

    private static double? Number(JsonElement body, string field, ValidationErrors errors)
    {
        if (!body.TryGetProperty(field, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out var number) && double.IsFinite(number) && number > 0)
        {
            return number;
        }

        errors.Add(field, $"must be a positive, finite number (got {value.GetRawText()})");
        return null;
    }

    private static long? Count(JsonElement body, string field, ValidationErrors errors)
    {
        if (!body.TryGetProperty(field, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var count) && count > 0)
        {
            return count;
        }

        // A whole number written with an exponent (3e6) is one too.
        if (value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out var number) && number > 0 && number < long.MaxValue && number == Math.Floor(number))
        {
            return (long)number;
        }

        errors.Add(field, $"must be a positive whole number (got {value.GetRawText()})");
        return null;
    }
}
