using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Mnas.Api.OpenApi;

/// <summary>The API's OpenAPI document at <c>/openapi/v1.json</c> and Swagger UI over it at <c>/swagger</c>, both served without a key.</summary>
public static class ApiDocumentation
{
    public const string DocumentPath = "/openapi/v1.json";
    public const string UiPath = "swagger";

    public static IServiceCollection AddMnasApiDocumentation(this IServiceCollection services) =>
        services.AddOpenApi("v1", document => document
            .AddDocumentTransformer<BearerSecurityScheme>()
            .AddOperationTransformer<AnonymousOperations>()
            .AddDocumentTransformer<DocumentDescription>()
            .AddDocumentTransformer<SupernetSchemas>()
            .AddDocumentTransformer<SearchSchemas>()
            .AddDocumentTransformer<ChildMemorySchemas>());

    public static IApplicationBuilder UseMnasApiDocumentation(this IApplicationBuilder app)
    {
        app.UseSwaggerUI(ui =>
        {
            ui.SwaggerEndpoint(DocumentPath, "Mnas API v1");
            ui.RoutePrefix = UiPath;
        });
        return app;
    }

    public static IEndpointRouteBuilder MapMnasApiDocumentation(this IEndpointRouteBuilder routes)
    {
        routes.MapOpenApi();
        return routes;
    }
}
