using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Mnas.Api.OpenApi;

/// <summary>Marks the operations that need no key (health, readiness) as such, against the document's bearer requirement.</summary>
internal sealed class AnonymousOperations : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        if (!context.Description.ActionDescriptor.EndpointMetadata.OfType<IAuthorizeData>().Any())
        {
            operation.Security = [];
        }

        return Task.CompletedTask;
    }
}
