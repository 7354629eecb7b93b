using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Mnas.Api.Children;

namespace Mnas.Api.OpenApi;

/// <summary>What the generator cannot see in a child's memory breakdown (<c>GET /campaigns/{id}/children/{sequence}/memory</c>): what each field measures.</summary>
internal sealed class ChildMemorySchemas : IOpenApiDocumentTransformer
{
    private static readonly Dictionary<string, string> Types = new(StringComparer.Ordinal)
    {
        [nameof(ChildMemoryResponse)] = "what a child's network needs in memory at inference (batch 1, float32), of its target view: " +
            "parameters, the peak of live activations by lifetime analysis, their sum, and the live bytes at every execution step",
        [nameof(LiveBytesStep)] = "one execution step, in the order the operators run: the operator, the bytes of the tensor it " +
            "allocates and the bytes live while it runs",
    };

    private static readonly Dictionary<(string Schema, string Property), string> Properties = new()
    {
        [(nameof(ChildMemoryResponse), "param_bytes")] = "the parameters as float32 (BatchNorm's weight and bias included, its running " +
            "statistics not)",
        [(nameof(ChildMemoryResponse), "peak_activation_bytes")] = "the most bytes of intermediate tensors live at once: a tensor lives " +
            "from the operator that writes it until its last reader has run; every operator allocates its own output (no in-place " +
            "operators), so this is what a plain eager executor needs",
        [(nameof(ChildMemoryResponse), "total_bytes")] = "param_bytes plus peak_activation_bytes: MemNAS's memory objective",
        [(nameof(ChildMemoryResponse), "peak_step")] = "the first step at which the live bytes reach the peak (an index into steps)",
        [(nameof(ChildMemoryResponse), "peak_node")] = "the name of the operator running at peak_step",
        [(nameof(ChildMemoryResponse), "steps")] = "every execution step in order, from the input image (step 0) to the logits",
        [(nameof(LiveBytesStep), "name")] = "the operator's name in the network's operator graph",
        [(nameof(LiveBytesStep), "kind")] = "what the operator computes",
        [(nameof(LiveBytesStep), "output_bytes")] = "the bytes of the tensor the operator writes",
        [(nameof(LiveBytesStep), "live_bytes")] = "the bytes live while the operator runs: its inputs, its output and every earlier " +
            "tensor a later operator still reads",
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

        return Task.CompletedTask;
    }
}
