using System.Text.Json;
using System.Text.Json.Serialization;

namespace Mnas.Api;

/// <summary>The API's JSON: snake_case names and enum values, as the campaign specs and settings are written.</summary>
public static class ApiJson
{
    public static void Configure(JsonSerializerOptions json)
    {
        json.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
        json.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower));
    }
}
