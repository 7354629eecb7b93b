using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Mnas.Api;

/// <summary>
/// The API's JSON: snake_case names and enum values, as the campaign specs and settings are written, and text as plain
/// UTF-8, as the files <c>mnas export</c> writes (an architecture's <c>+1</c> stays <c>+1</c>). The relaxed encoder is
/// what HTTP bodies get by default; it is named here so that whatever else takes these options (a client reading the
/// API, a test) writes the same. It is safe because every body is served as JSON or as an event stream, never inside
/// HTML.
/// </summary>
public static class ApiJson
{
    public static void Configure(JsonSerializerOptions json)
    {
        json.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
        json.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower));
        json.Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
    }
}
