using System.Text.Json.Nodes;

namespace Mnas.Api.Tests.OpenApi;

/// <summary>The OpenAPI document as the API serves it, with its component references resolved on request.</summary>
internal sealed class ServedDocument(string text)
{
    public string Text { get; } = text;

    public JsonObject Root { get; } = JsonNode.Parse(text)!.AsObject();

    public static async Task<ServedDocument> FetchAsync(TestApi api)
    {
        using var response = await api.Anonymous.GetAsync("/openapi/v1.json");
        response.EnsureSuccessStatusCode();
        return new ServedDocument(await response.Content.ReadAsStringAsync());
    }

    /// <summary>The schema itself, following a <c>$ref</c> to the components.</summary>
    public JsonObject Resolve(JsonNode schema)
    {
        var node = schema.AsObject();
        while (node["$ref"]?.GetValue<string>() is { } reference)
        {
            var name = reference["#/components/schemas/".Length..];
            node = Root["components"]!["schemas"]![name]!.AsObject();
        }

        return node;
    }

    /// <summary>Every operation, by method and path.</summary>
    public IEnumerable<(string Method, string Path, JsonObject Operation)> Operations() =>
        from path in Root["paths"]!.AsObject()
        from operation in path.Value!.AsObject()
        select (operation.Key.ToUpperInvariant(), path.Key, operation.Value!.AsObject());
}
