using Microsoft.OpenApi;

namespace Mnas.Api.OpenApi;

/// <summary>The problem details (RFC 9457) every error answers with, as a component of the document.</summary>
internal static class ProblemSchemas
{
    public const string Problem = "ProblemDetails";
    public const string MediaType = "application/problem+json";

    private static readonly Dictionary<int, string> Reasons = new()
    {
        [400] = "The request is invalid: every offending field is named in errors",
        [401] = "No valid API key",
        [403] = "The key's role may not do this",
        [404] = "No such campaign or child, or not the caller's",
        [409] = "The campaign's state or id does not allow it",
        [413] = "The body is larger than api.max_body_bytes",
        [415] = "The body is neither JSON nor YAML",
        [429] = "The key's requests passed api.rate_limit_per_minute; Retry-After says when to try again",
        [503] = "A dependency does not answer: unreachable names which",
    };

    /// <summary>Adds the problem schema to the document's components; returns a reference to it.</summary>
    public static IOpenApiSchema AddTo(OpenApiDocument document)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
        document.Components.Schemas[Problem] = new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Description = "Problem details (RFC 9457); validation problems add errors, a map of field path to messages",
            Properties = new Dictionary<string, IOpenApiSchema>
            {
                ["type"] = new OpenApiSchema { Type = JsonSchemaType.String | JsonSchemaType.Null },
                ["title"] = new OpenApiSchema { Type = JsonSchemaType.String | JsonSchemaType.Null },
                ["status"] = new OpenApiSchema { Type = JsonSchemaType.Integer | JsonSchemaType.Null },
                ["detail"] = new OpenApiSchema { Type = JsonSchemaType.String | JsonSchemaType.Null },
                ["instance"] = new OpenApiSchema { Type = JsonSchemaType.String | JsonSchemaType.Null },
                ["errors"] = new OpenApiSchema
                {
                    Type = JsonSchemaType.Object,
                    AdditionalProperties = new OpenApiSchema { Type = JsonSchemaType.Array, Items = new OpenApiSchema { Type = JsonSchemaType.String } },
                },
            },
        };
        return new OpenApiSchemaReference(Problem, document);
    }

    /// <summary>An error response of <paramref name="status"/> whose body is problem details.</summary>
    public static OpenApiResponse Response(int status, IOpenApiSchema problem) => new()
    {
        Description = Reasons.TryGetValue(status, out var reason) ? reason : "An error",
        Content = new Dictionary<string, OpenApiMediaType> { [MediaType] = new() { Schema = problem } },
    };
}
