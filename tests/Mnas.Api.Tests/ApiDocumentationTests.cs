using System.Net;
using System.Text.Json;

namespace Mnas.Api.Tests;

/// <summary>The OpenAPI document and Swagger UI: served without a key, the document declaring the bearer scheme.</summary>
public sealed class ApiDocumentationTests : IAsyncLifetime
{
    private TestApi api = null!;

    public async Task InitializeAsync() => api = await TestApi.StartAsync();

    public async Task DisposeAsync() => await api.DisposeAsync();

    [Fact]
    public async Task the_openapi_document_is_served_without_a_key_and_declares_the_bearer_scheme_and_every_route()
    {
        using var response = await api.Anonymous.GetAsync("/openapi/v1.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        var scheme = document.GetProperty("components").GetProperty("securitySchemes").GetProperty("bearer");
        Assert.Equal("http", scheme.GetProperty("type").GetString());
        Assert.Equal("bearer", scheme.GetProperty("scheme").GetString());
        Assert.True(document.GetProperty("security")[0].TryGetProperty("bearer", out _));
        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains("/api/v1/campaigns", paths);
        Assert.Contains("/api/v1/campaigns/{id}/cancel", paths);
        var create = document.GetProperty("paths").EnumerateObject().First(p => p.Name.TrimEnd('/') == "/api/v1/campaigns").Value.GetProperty("post");
        var mediaTypes = create.GetProperty("requestBody").GetProperty("content").EnumerateObject().Select(c => c.Name);
        Assert.Equal(["application/json", "application/yaml", "text/yaml", "application/x-yaml"], mediaTypes);
        var health = document.GetProperty("paths").GetProperty("/healthz").GetProperty("get");
        Assert.Equal(0, health.GetProperty("security").GetArrayLength());
    }

    [Fact]
    public async Task swagger_ui_is_served_without_a_key()
    {
        using var response = await api.Anonymous.GetAsync("/swagger/index.html");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("swagger", await response.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
    }
}
