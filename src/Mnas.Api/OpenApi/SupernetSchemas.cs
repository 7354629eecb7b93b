using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Mnas.Api.Supernet;

namespace Mnas.Api.OpenApi;

/// <summary>
/// What the generator cannot see in the supernet's response schemas: what a single-path supernet (bn-nas) adds — the BN
/// indicator, the ranking distance, the cost table, the evolution — described field by field, and the cost table's
/// entries marked nullable (null where a layer does not offer the candidate), which a list's items cannot say in C#.
/// </summary>
internal sealed class SupernetSchemas : IOpenApiDocumentTransformer
{
    private static readonly Dictionary<string, string> Types = new(StringComparer.Ordinal)
    {
        [nameof(SupernetCostsItem)] = "bn-nas: what the fixed part (stem, head, classifier) and every candidate at every searchable layer " +
            "cost; a subnet costs the fixed part plus its layers' candidates, its peak activation is the largest of theirs",
        [nameof(SupernetCostItem)] = "latency by the lookup table of the target's device class (ms), parameters, multiply-adds of one " +
            "image and the peak of live activation bytes",
        [nameof(SupernetEvolutionItem)] = "bn-nas: the evolution over the trained supernet's BN indicator, and the subnets it chose, " +
            "which the campaign trains from scratch as children",
        [nameof(EvolutionIterationItem)] = "one generation: its number (from 1), the best and mean score of its members that meet " +
            "the campaign's constraints, and how many did",
        [nameof(EvolvedSubnetItem)] = "a subnet the evolution chose: its architecture (the name its child goes by), its score (the " +
            "sum of its candidates' indicators) and its costs",
    };

    private static readonly Dictionary<(string Schema, string Property), string> Properties = new()
    {
        [(nameof(SupernetEpochItem), "scores")] = "bn-nas: the BN indicator after the epoch, [layer][candidate]: the mean |γ| of each " +
            "candidate's last batch norm (0 where the layer does not offer it); null for fbnet and fbnetv2",
        [(nameof(SupernetEpochItem), "ranking_distance")] = "bn-nas: the mean over layers of the share of candidate pairs the indicator " +
            "orders differently than after the epoch before (0: the rankings held; 1: all reversed); null for the first epoch, and " +
            "for fbnet and fbnetv2",
        [(nameof(SupernetPosteriorItem), "scores")] = "bn-nas: the trained supernet's BN indicator, [layer][candidate]; null for fbnet " +
            "and fbnetv2",
        [(nameof(SupernetPosteriorItem), "costs")] = "bn-nas: the cost table the evolution searched under; null for fbnet and fbnetv2",
        [(nameof(SupernetResponse), "evolution")] = "bn-nas: the evolution over the trained supernet's indicator; null until it is " +
            "recorded, and for fbnet and fbnetv2",
        [(nameof(SupernetCostsItem), "layers")] = "[layer][candidate], in the order of the candidates; null where the layer does not " +
            "offer the candidate",
    };

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        if (document.Components?.Schemas is not { } schemas)
        {
            return Task.CompletedTask;
        }

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

        if (schemas.TryGetValue(nameof(SupernetCostsItem), out var costs) &&
            costs.Properties?.TryGetValue("layers", out var layers) == true && layers.Items is OpenApiSchema { Items: { } entry } row)
        {
            row.Items = new OpenApiSchema { OneOf = [new OpenApiSchema { Type = JsonSchemaType.Null }, entry] };
        }

        return Task.CompletedTask;
    }
}
