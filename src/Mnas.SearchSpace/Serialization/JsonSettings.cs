using System.ComponentModel;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Mnas.SearchSpace.Serialization;

/// <summary>The one set of JSON options for specs and architecture files: snake_case keys, lower-case enums,
/// unknown keys rejected, nulls left out when writing, text as plain UTF-8 (<c>+</c>, <c>&lt;</c>, <c>é</c> as they are;
/// only what JSON requires, characters beyond the Basic Multilingual Plane such as emoji, and a few invisible ones
/// such as the no-break space escaped). A property marked <see cref="DefaultValueAttribute"/> is left out when it holds
/// that value: a key added later (a block's <c>groups</c>) leaves the files written before it byte for byte the same.</summary>
internal static class JsonSettings
{
    public static JsonSerializerOptions Options { get; } = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Converters = { new JsonStringEnumConverter(new LowerCaseNamingPolicy(), allowIntegerValues: false) },
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { OmitDefaultValues } },
    };

    /// <summary>The key a property has in files.</summary>
    public static string KeyOf(System.Reflection.PropertyInfo property) =>
        property.GetCustomAttributes(typeof(JsonPropertyNameAttribute), true) is [JsonPropertyNameAttribute named, ..]
            ? named.Name
            : Options.PropertyNamingPolicy!.ConvertName(property.Name);

    private static void OmitDefaultValues(JsonTypeInfo type)
    {
        foreach (var property in type.Properties)
        {
            if (property.AttributeProvider?.GetCustomAttributes(typeof(DefaultValueAttribute), true) is [DefaultValueAttribute { Value: var omitted }, ..])
            {
                property.ShouldSerialize = (_, value) => !Equals(value, omitted);
            }
        }
    }
}
