using System.Text.Encodings.Web;
using System.Text.Json;

namespace Mnas.Host.Export;

/// <summary>
/// How <c>metrics.json</c> is written: snake_case keys, indented, plain UTF-8 (an architecture's <c>+1</c> as it is),
/// <see cref="ExportedMetrics.FormatVersion"/> first, nulls written out so that every key is always there.
/// </summary>
public static class ExportJson
{
    public static JsonSerializerOptions Options { get; } = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Write(ExportedMetrics metrics) => JsonSerializer.Serialize(metrics, Options);
}
