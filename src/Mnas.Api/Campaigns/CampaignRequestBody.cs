using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;
using Mnas.SearchSpace.Serialization;

namespace Mnas.Api.Campaigns;

/// <summary>A request body in JSON or YAML, chosen by its Content-Type, read into the JSON it means.</summary>
public static class CampaignRequestBody
{
    public static readonly string[] MediaTypes = ["application/json", "application/yaml", "text/yaml", "application/x-yaml"];

    /// <summary>The body's format, or null when its Content-Type names neither JSON nor YAML.</summary>
    public static DocumentFormat? FormatOf(HttpRequest request)
    {
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var contentType))
        {
            return null;
        }

        return contentType.MediaType.Value?.ToLowerInvariant() switch
        {
            "application/json" => DocumentFormat.Json,
            "application/yaml" or "text/yaml" or "application/x-yaml" => DocumentFormat.Yaml,
            _ => null,
        };
    }

    /// <summary>
    /// The body as a document, or null with the reason in <paramref name="errors"/> under <c>body</c>. The body's size is
    /// bounded before this reads it (<see cref="Limits.BodySizeLimit"/>).
    /// </summary>
    public static async Task<JsonDocument?> ReadAsync(HttpRequest request, DocumentFormat format, ValidationErrors errors, CancellationToken cancellation)
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
            errors.Add("body", "is empty: send a campaign spec and its settings");
            return null;
        }

        try
        {
            return DocumentText.Parse(text, format);
        }
        catch (FormatException invalid)
        {
            errors.Add("body", invalid.Message);
            return null;
        }
    }
}
