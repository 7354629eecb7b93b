using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Mnas.Api.Children;
using Mnas.Api.Search;

namespace Mnas.Api.OpenApi;

/// <summary>
/// What the generator cannot see of a predictor-driven search (fbnetv3): what its response schemas hold, described type by
/// type, and the body of <c>POST /campaigns/{id}/requery</c>, which its handler reads itself (so that a request without a key
/// gets its 401 before anything is read), as the component <c>RequeryRequest</c>.
/// </summary>
internal sealed class SearchSchemas : IOpenApiDocumentTransformer
{
    public const string Request = "RequeryRequest";

    private static readonly Dictionary<string, string> Types = new(StringComparer.Ordinal)
    {
        [nameof(SearchResponse)] = "fbnetv3: every step of the predictor-driven search in order, the stage it is in (its last step's) and " +
            "how many operators its latency lookup table has timed",
        [nameof(SearchRoundItem)] = "a step of the search: the predictor's pretraining on cost labels (pretrain), a coarse round of children " +
            "(coarse), an iteration of the fine stage's evolution over the predictor (fine) or the final children (final)",
        [nameof(PredictedPointItem)] = "a child the predictor scored before it trained: what it predicted (null: the predictor had not " +
            "been fitted yet) and what the child measured (null: it failed)",
        [nameof(RecipeItem)] = "fbnetv3: how the child trains, as its name carries it; null for a child of any other strategy",
        [nameof(RequeryResponse)] = "what the campaign's predictor proposes under the limits given: the best pairs first, every iteration " +
            "of the evolution, and how many candidates were skipped for an operator the latency table lacks (a requery times nothing)",
        [nameof(RequeryConstraintsItem)] = "the limits the pairs met; null where none was set",
        [nameof(ProposedPairItem)] = "an architecture–recipe pair: the name its child would go by (sample | recipe), the recipe field by " +
            "field, the predicted accuracy and the architecture's costs",
        [nameof(PairCostsItem)] = "latency by the campaign's lookup table (ms), parameters, multiply-adds of one image and the peak of live " +
            "activation bytes",
        [nameof(RequeryIterationItem)] = "one iteration of the requery's evolution: the best and mean predicted accuracy of the pairs it " +
            "kept, and how many candidates met the limits and how many broke one",
    };

    private static readonly Dictionary<(string Schema, string Property), string> Properties = new()
    {
        [(nameof(SearchResponse), "stage")] = "the last step's stage: pretrain, coarse, fine or final; null before the first step",
        [(nameof(SearchRoundItem), "iteration")] = "coarse: the round among the coarse rounds (from 1); fine: the evolution's iteration " +
            "(from 1); 0 otherwise",
        [(nameof(SearchRoundItem), "kendall_tau")] = "Kendall's τ-b between predicted and measured accuracy over the points; null with " +
            "fewer than two, or before the predictor had seen a trained child",
        [(nameof(SearchRoundItem), "fitted_on")] = "the trained children the predictor was fitted on after the step",
        [(nameof(SearchRoundItem), "feasible")] = "fine: candidates of the iteration that met the constraints; null otherwise",
        [(nameof(SearchRoundItem), "rejected")] = "fine: candidates of the iteration dropped for breaking a constraint; null otherwise",
        [(nameof(SearchRoundItem), "pretrain_loss")] = "pretrain: the proxy head's final loss (mean squared error of the normalised " +
            "multiply-adds and parameters); null otherwise",
        [(nameof(RecipeItem), "optimizer")] = "sgd, rmsprop or adamw",
        [(nameof(RecipeItem), "stochastic_depth")] = "the drop rate of the last block (0: none)",
        [(nameof(RecipeItem), "mixup_alpha")] = "mixup's α (0: none)",
        [(nameof(RecipeItem), "ema_decay")] = "the decay of the weights' moving average (0: none)",
        [(nameof(RequeryResponse), "unmeasured")] = "candidates skipped because the latency table lacks one of their operators",
    };

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
        var schemas = document.Components.Schemas;
        foreach (var (name, description) in Types)
        {
            if (schemas.TryGetValue(name, out var schema) && schema is OpenApiSchema type)
            {
                type.Description = description;
            }
        }

        foreach (var ((name, property), description) in Properties)
        {
            if (schemas.TryGetValue(name, out var schema) && schema.Properties?.TryGetValue(property, out var field) == true && field is OpenApiSchema described)
            {
                described.Description = description;
            }
        }

        schemas[Request] = RequestSchema();
        if (document.Paths.TryGetValue(ApiEndpoints.V1 + "/campaigns/{id}/requery", out var path) &&
            path.Operations?.TryGetValue(HttpMethod.Post, out var requery) == true)
        {
            requery.RequestBody = new OpenApiRequestBody
            {
                Required = false,
                Description = "The limits the proposed pairs must meet, each optional; an empty body sets none.",
                Content = new Dictionary<string, OpenApiMediaType>
                {
                    ["application/json"] = new() { Schema = new OpenApiSchemaReference(Request, document) },
                },
            };
        }

        return Task.CompletedTask;
    }

    private static OpenApiSchema RequestSchema() => new()
    {
        Type = JsonSchemaType.Object,
        Description = "The limits of a requery: a key left out or null sets none; any other key is refused by name (400).",
        AdditionalPropertiesAllowed = false,
        Properties = new Dictionary<string, IOpenApiSchema>
        {
            [RequeryRequest.MaxLatencyMs] = Limit(JsonSchemaType.Number, "latency by the campaign's lookup table (ms)", 12.5),
            [RequeryRequest.MaxParams] = Limit(JsonSchemaType.Integer, "parameters", 3_000_000),
            [RequeryRequest.MaxMacs] = Limit(JsonSchemaType.Integer, "multiply-adds of one image", 300_000_000),
            [RequeryRequest.MaxPeakActivationBytes] = Limit(JsonSchemaType.Integer, "the peak of live activation bytes", 2_000_000),
        },
    };

    private static OpenApiSchema Limit(JsonSchemaType type, string what, double example) => new()
    {
        Type = type | JsonSchemaType.Null,
        ExclusiveMinimum = "0",
        Description = $"the most {what} a pair's architecture may cost (positive)",
        Examples = [JsonValue.Create(example)],
    };
}
