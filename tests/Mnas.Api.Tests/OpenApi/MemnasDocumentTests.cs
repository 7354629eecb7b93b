using System.Text.Json.Nodes;

namespace Mnas.Api.Tests.OpenApi;

/// <summary>The document's memnas parts: a search round's base and candidates, the memory front, and a child's memory breakdown.</summary>
public sealed class MemnasDocumentTests : IAsyncLifetime
{
    private TestApi api = null!;

    public async Task InitializeAsync() => api = await TestApi.StartAsync();

    public async Task DisposeAsync() => await api.DisposeAsync();

    [Fact]
    public async Task the_search_schemas_describe_a_rounds_base_and_candidates_and_the_memory_front()
    {
        var document = await ServedDocument.FetchAsync(api);

        var operation = document.Operations().Single(o => o is { Method: "GET", Path: "/api/v1/campaigns/{id}/search" }).Operation;
        Assert.Contains("memnas", operation["description"]!.GetValue<string>(), StringComparison.Ordinal);
        var response = document.Resolve(operation["responses"]!["200"]!["content"]!["application/json"]!["schema"]!);
        Assert.Contains("accuracy × total memory front", response["properties"]!["memory_front"]!["description"]!.GetValue<string>(), StringComparison.Ordinal);
        var round = document.Resolve(document.Resolve(response["properties"]!["rounds"]!)["items"]!);
        Assert.Contains("prior", round["properties"]!["ranked_by"]!["description"]!.GetValue<string>(), StringComparison.Ordinal);
        var candidate = document.Resolve(document.Resolve(round["properties"]!["candidates"]!)["items"]!);
        Assert.Equal(["accuracy", "architecture", "measured", "measured_rank", "operation", "param_bytes", "peak_activation_bytes", "predicted",
            "predicted_rank", "sequence", "total_bytes"], Keys(candidate));
        Assert.Contains("memory efficiency", candidate["properties"]!["measured"]!["description"]!.GetValue<string>(), StringComparison.Ordinal);
        var network = Resolve(document, round["properties"]!["base"]!);
        Assert.Equal(["accuracy", "architecture", "param_bytes", "peak_activation_bytes", "sequence", "total_bytes"], Keys(network));
        var point = document.Resolve(document.Resolve(response["properties"]!["memory_front"]!)["items"]!);
        Assert.Equal(["accuracy", "architecture", "on_front", "param_bytes", "peak_activation_bytes", "sequence", "total_bytes"], Keys(point));
    }

    [Fact]
    public async Task the_memory_operation_is_described_with_its_steps_and_refusals()
    {
        var document = await ServedDocument.FetchAsync(api);

        var operation = document.Operations().Single(o => o is { Method: "GET", Path: "/api/v1/campaigns/{id}/children/{sequence}/memory" }).Operation;
        Assert.Equal("getChildMemory", operation["operationId"]!.GetValue<string>());
        Assert.Equal(["children"], operation["tags"]!.AsArray().Select(t => t!.GetValue<string>()));
        Assert.Contains("lifetime", operation["description"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(["200", "400", "401", "404", "409", "429"], operation["responses"]!.AsObject().Select(r => r.Key).Order());
        var response = document.Resolve(operation["responses"]!["200"]!["content"]!["application/json"]!["schema"]!);
        Assert.Equal(["architecture", "param_bytes", "peak_activation_bytes", "peak_node", "peak_step", "sequence", "steps", "total_bytes"], Keys(response));
        Assert.Contains("lifetime analysis", response["description"]!.GetValue<string>(), StringComparison.Ordinal);
        var step = document.Resolve(document.Resolve(response["properties"]!["steps"]!)["items"]!);
        Assert.Equal(["kind", "live_bytes", "name", "output_bytes", "step"], Keys(step));
        Assert.Contains("live", step["properties"]!["live_bytes"]!["description"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    private static JsonObject Resolve(ServedDocument document, JsonNode property) =>
        property["$ref"] is not null
            ? document.Resolve(property)
            : document.Resolve((property["oneOf"] ?? property["anyOf"])!.AsArray().Single(s => s!["$ref"] is not null)!);

    private static string[] Keys(JsonObject schema) => schema["properties"]!.AsObject().Select(p => p.Key).Order(StringComparer.Ordinal).ToArray();
}
