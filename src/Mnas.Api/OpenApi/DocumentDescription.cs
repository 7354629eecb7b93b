using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Mnas.Api.Campaigns;

namespace Mnas.Api.OpenApi;

/// <summary>
/// What the generator cannot see: each operation's id, summary, tag and error responses (<see cref="OperationDescriptions"/>),
/// the tags' descriptions, the event stream's body, and the request body of <c>POST /campaigns</c>, which its handler
/// reads itself (JSON or YAML): declared to routing, the media types would have routing answer 415 before a request
/// without a key got its 401. Its schema is generated from the campaign contract (<see cref="CampaignSchemas"/>).
/// </summary>
internal sealed class DocumentDescription : IOpenApiDocumentTransformer
{
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info.Description = "Mnas: hardware-aware neural architecture search. Every /api/v1 operation takes an API key " +
            "(mnas keys create). The campaign spec's fields, ranges and null rule: docs/campaign-contract.md.";
        foreach (var server in document.Servers ?? [])
        {
            server.Url = server.Url?.TrimEnd('/');
        }

        var problem = ProblemSchemas.AddTo(document);
        var submission = CampaignSchemas.AddTo(document);
        document.Tags = OperationDescriptions.TagDescriptions.Select(t => new OpenApiTag { Name = t.Key, Description = t.Value }).ToHashSet();
        foreach (var (path, item) in document.Paths)
        {
            foreach (var (method, operation) in item.Operations ?? [])
            {
                if (!OperationDescriptions.All.TryGetValue((method.Method, path), out var description))
                {
                    continue;
                }

                Describe(document, path, method.Method, operation, description, problem, submission);
            }
        }

        return Task.CompletedTask;
    }

    private static void Describe(OpenApiDocument document, string path, string method, OpenApiOperation operation, OperationDescription description,
        IOpenApiSchema problem, IOpenApiSchema submission)
    {
        operation.OperationId = description.OperationId;
        operation.Summary = description.Summary;
        operation.Description = description.Description ?? operation.Description;
        operation.Tags = new HashSet<OpenApiTagReference> { new(description.Tag, document) };
        operation.Responses ??= new OpenApiResponses();
        var secured = path.StartsWith(ApiEndpoints.V1 + "/", StringComparison.Ordinal);
        foreach (var status in secured ? [.. description.Errors, 401, 429] : description.Errors)
        {
            var key = status.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (operation.Responses.TryGetValue(key, out var existing) && existing.Content is { Count: > 0 })
            {
                continue;
            }

            operation.Responses[key] = ProblemSchemas.Response(status, problem);
        }

        if (description.OperationId == "streamCampaignEvents")
        {
            operation.Responses.Remove("200");
            operation.Responses["200"] = new OpenApiResponse
            {
                Description = "Events as server-sent events: id, event (the kind) and data (JSON), from after the id given; keep-alive comments while quiet",
                Content = new Dictionary<string, OpenApiMediaType>
                {
                    ["text/event-stream"] = new() { Schema = new OpenApiSchema { Type = JsonSchemaType.String } },
                },
            };
        }

        if (method == "POST" && path == ApiEndpoints.V1 + "/campaigns")
        {
            operation.RequestBody = new OpenApiRequestBody
            {
                Required = true,
                Description = "The campaign: spec (the keys of a spec file), strategy, children, hours, minibatch, seed and optionally id, " +
                    "as JSON or as YAML with the same keys.",
                Content = CampaignRequestBody.MediaTypes.ToDictionary(type => type, _ => new OpenApiMediaType { Schema = submission }),
            };
        }
    }
}
