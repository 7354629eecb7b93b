using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Mnas.Api.Campaigns;

namespace Mnas.Api.OpenApi;

/// <summary>
/// Documents the body of <c>POST /campaigns</c>, which its handler reads itself (JSON or YAML): declared to routing, the
/// media types would have routing answer 415 before a request without a key got its 401.
/// </summary>
internal sealed class CampaignRequestBodyDocumentation : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var description = context.Description;
        if (description.HttpMethod == "POST" && description.RelativePath?.TrimEnd('/') == "api/v1/campaigns")
        {
            operation.RequestBody = new OpenApiRequestBody
            {
                Required = true,
                Description = "The campaign: spec (the keys of a spec file), strategy (rl or random), children (1..10000), hours (at most 720), " +
                    "minibatch (1..1000), seed, and optionally id.",
                Content = CampaignRequestBody.MediaTypes.ToDictionary(type => type, _ => new OpenApiMediaType()),
            };
        }

        return Task.CompletedTask;
    }
}
