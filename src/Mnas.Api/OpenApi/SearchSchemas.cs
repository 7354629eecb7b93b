using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Mnas.Api.Children;
using Mnas.Api.Search;

namespace Mnas.Api.OpenApi;

/// <summary>
/// What the generator cannot see of a predictor-driven search (fbnetv3, memnas): what its response schemas hold, described type by
/// type, and the body of <c>POST /campaigns/{id}/requery</c>, which its handler reads itself (so that a request without a key
/// gets its 401 before anything is read), as the component <c>RequeryRequest</c>.
/// </summary>
internal sealed class SearchSchemas : IOpenApiDocumentTransformer
{
    public const string Request = "RequeryRequest";

    private static readonly Dictionary<string, string> Types = new(StringComparer.Ordinal)
    {
        [nameof(SearchResponse)] = "fbnetv3 or memnas: every step of the predictor-driven search in order, the stage it is in (its last " +
            "step's), how many operators its latency lookup table has timed and, for memnas, its done children in accuracy × memory " +
            "space with the front marked",
        [nameof(SearchRoundItem)] = "a step of the search. fbnetv3: the predictor's pretraining on cost labels (pretrain), a coarse round " +
            "of children (coarse), an iteration of the fine stage's evolution over the predictor (fine) or the final children (final). " +
            "memnas: the first base network trained (base) or a grow-and-trim round (grow-trim)",
        [nameof(MemnasNetworkItem)] = "memnas: a base network — the child that trained it, its architecture, accuracy, parameter bytes and " +
            "peak activation bytes (of its target view, by lifetime analysis) and their sum",
        [nameof(MemnasCandidateItem)] = "memnas: a candidate of a grow-and-trim round — its operation on the base, architecture, memory, " +
            "the controller's score and rank (1 = trained first) and, when it trained, its child, accuracy, memory efficiency y " +
            "against the base and rank among the trained by y (1 = best); null there when it did not train",
        [nameof(MemoryPointItem)] = "memnas: a done child in accuracy × memory space (the parameter and peak activation bytes of its " +
            "target view, and their sum) and whether it is on the front: no other done child is at least as accurate with at most " +
            "as much total memory and better in one (of children equal in both, the first)",
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
        [(nameof(SearchResponse), "stage")] = "the last step's stage: pretrain, coarse, fine or final (fbnetv3); base or grow-trim " +
            "(memnas); null before the first step",
        [(nameof(SearchResponse), "latency_table_size")] = "the operators the campaign's latency lookup table has timed (0 for memnas, " +
            "which times none)",
        [(nameof(SearchResponse), "memory_front")] = "memnas: every done child whose network this version can build, in sequence " +
            "order, each marked whether it is on the accuracy × total memory front; absent for fbnetv3",
        [(nameof(SearchRoundItem), "base")] = "memnas: the round's base network (for the base step, the first base trained); null " +
            "otherwise",
        [(nameof(SearchRoundItem), "candidates")] = "memnas: every candidate of a grow-and-trim round in the controller's reading order " +
            "(every grow and every trim of the base not trained before); null otherwise",
        [(nameof(SearchRoundItem), "next_base")] = "memnas: the next round's base, when a trained candidate beat this round's by memory " +
            "efficiency; null when the base stays",
        [(nameof(SearchRoundItem), "controller_loss")] = "memnas: the ranking controller's training loss after the round (mean squared " +
            "error between its scores and the measured y); null before it is trained",
        [(nameof(SearchRoundItem), "ranked_by")] = "memnas: how the round's candidates were ranked: controller, or prior (by memory " +
            "alone, before the controller had data); null otherwise",
        [(nameof(MemnasCandidateItem), "operation")] = "the candidate's one operation on the base: a grow (a layer added to every " +
            "searchable block, or every block widened) or a trim (one layer of one block, or one block's skip edge, removed)",
        [(nameof(MemnasCandidateItem), "predicted")] = "the ranking controller's score (or the prior's) for the candidate",
        [(nameof(MemnasCandidateItem), "predicted_rank")] = "the candidate's rank by predicted among the round's (1 = best; the top k train)",
        [(nameof(MemnasCandidateItem), "sequence")] = "the child that trained it; null when it did not train",
        [(nameof(MemnasCandidateItem), "measured")] = "the memory efficiency y = λ·(a − a_base)/a_base − (1 − λ)·[(r − r_base)/r_base + " +
            "(p − p_base)/p_base] against the round's base (a accuracy, r peak activation bytes, p parameter bytes); null when it did " +
            "not train",
        [(nameof(MemnasCandidateItem), "measured_rank")] = "the candidate's rank by measured among the round's trained candidates (1 = " +
            "best); null when it did not train",
        [(nameof(MemoryPointItem), "total_bytes")] = "parameter bytes plus peak activation bytes: MemNAS's memory objective",
        [(nameof(MemoryPointItem), "on_front")] = "whether the child is on the accuracy × total memory front",
        [(nameof(SearchRoundItem), "iteration")] = "coarse: the round among the coarse rounds (from 1); fine: the evolution's iteration " +
            "(from 1); 0 otherwise",
        [(nameof(SearchRoundItem), "kendall_tau")] = "Kendall's τ-b between predicted and measured accuracy over the points (memnas: " +
            "between the controller's scores and the measured y over the trained candidates); null with fewer than two, or before " +
            "the predictor had seen a trained child",
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
