using System.Text.Json.Nodes;

namespace Mnas.Api.Tests.OpenApi;

/// <summary>The document's fbnetv3 operations: the search with its steps, the requery with its body and answer, and a child's recipe.</summary>
public sealed class SearchDocumentTests : IAsyncLifetime
{
    private TestApi api = null!;

    public async Task InitializeAsync() => api = await TestApi.StartAsync();

    public async Task DisposeAsync() => await api.DisposeAsync();

    [Fact]
    public async Task the_search_operation_is_described_with_its_steps_and_refusals()
    {
        var document = await ServedDocument.FetchAsync(api);

        var operation = document.Operations().Single(o => o is { Method: "GET", Path: "/api/v1/campaigns/{id}/search" }).Operation;
        Assert.Equal("getSearch", operation["operationId"]!.GetValue<string>());
        Assert.Equal(["search"], operation["tags"]!.AsArray().Select(t => t!.GetValue<string>()));
        Assert.Contains("No predictor search", operation["description"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(["200", "401", "404", "429"], operation["responses"]!.AsObject().Select(r => r.Key).Order());
        var response = document.Resolve(operation["responses"]!["200"]!["content"]!["application/json"]!["schema"]!);
        Assert.Equal(["latency_table_size", "memory_front", "rounds", "stage", "strategy"], Keys(response));
        Assert.Contains("fbnetv3", response["description"]!.GetValue<string>(), StringComparison.Ordinal);
        var round = document.Resolve(document.Resolve(response["properties"]!["rounds"]!)["items"]!);
        Assert.Equal(
            ["base", "best_predicted", "candidates", "controller_loss", "feasible", "fitted_on", "iteration", "kendall_tau", "mean_predicted", "next_base",
                "points", "pretrain_loss", "ranked_by", "recorded_at", "rejected", "round", "stage"],
            Keys(round));
        Assert.Contains("Kendall", round["properties"]!["kendall_tau"]!["description"]!.GetValue<string>(), StringComparison.Ordinal);
        var point = document.Resolve(document.Resolve(round["properties"]!["points"]!)["items"]!);
        Assert.Equal(["architecture", "measured", "predicted", "sequence"], Keys(point));
    }

    [Fact]
    public async Task the_requery_operation_takes_its_limits_as_a_closed_object_and_answers_pairs_with_recipes()
    {
        var document = await ServedDocument.FetchAsync(api);

        var operation = document.Operations().Single(o => o is { Method: "POST", Path: "/api/v1/campaigns/{id}/requery" }).Operation;
        Assert.Equal("requeryCampaign", operation["operationId"]!.GetValue<string>());
        Assert.Equal(["200", "400", "401", "404", "409", "429"], operation["responses"]!.AsObject().Select(r => r.Key).Order());
        var body = document.Resolve(operation["requestBody"]!["content"]!["application/json"]!["schema"]!);
        Assert.Equal(["max_latency_ms", "max_macs", "max_params", "max_peak_activation_bytes"], Keys(body));
        Assert.False(body["additionalProperties"]!.GetValue<bool>());
        Assert.All(body["properties"]!.AsObject(), p => Assert.Equal("0", p.Value!["exclusiveMinimum"]!.ToString()));
        Assert.Contains("integer", Types(body["properties"]!["max_params"]!));
        Assert.Contains("number", Types(body["properties"]!["max_latency_ms"]!));
        var response = document.Resolve(operation["responses"]!["200"]!["content"]!["application/json"]!["schema"]!);
        Assert.Equal(["constraints", "iterations", "pairs", "unmeasured"], Keys(response));
        var pair = document.Resolve(document.Resolve(response["properties"]!["pairs"]!)["items"]!);
        Assert.Equal(["architecture", "costs", "predicted_accuracy", "recipe"], Keys(pair));
        Assert.Equal(["batch_size", "dropout", "ema_decay", "epochs", "label_smoothing", "learning_rate", "mixup_alpha", "optimizer", "stochastic_depth",
            "weight_decay"], Keys(Resolve(document, pair["properties"]!["recipe"]!)));
    }

    [Fact]
    public async Task a_childs_recipe_is_in_the_children_schemas()
    {
        var document = await ServedDocument.FetchAsync(api);
        var schemas = document.Root["components"]!["schemas"]!;

        Assert.Contains("recipe", Keys(schemas["ChildItem"]!.AsObject()));
        Assert.Contains("recipe", Keys(schemas["ChildDetail"]!.AsObject()));
        Assert.Contains("fbnetv3", schemas["RecipeItem"]!["description"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    private static string[] Keys(JsonObject schema) => schema["properties"]!.AsObject().Select(p => p.Key).Order(StringComparer.Ordinal).ToArray();

    private static string[] Types(JsonNode schema) => schema["type"] switch
    {
        JsonArray list => list.Select(t => t!.GetValue<string>()).Order(StringComparer.Ordinal).ToArray(),
        JsonValue one => [one.GetValue<string>()],
        _ => [],
    };

    private static JsonObject Resolve(ServedDocument document, JsonNode property) =>
        property["$ref"] is not null
            ? document.Resolve(property)
            : document.Resolve((property["oneOf"] ?? property["anyOf"])!.AsArray().Single(s => s!["$ref"] is not null)!);
}
