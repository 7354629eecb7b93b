namespace Mnas.Api.Tests.OpenApi;

/// <summary>Every operation is named and summarised, and every response that has a body has a typed schema for it.</summary>
public sealed class OpenApiResponseTests : IAsyncLifetime
{
    private TestApi api = null!;

    public async Task InitializeAsync() => api = await TestApi.StartAsync();

    public async Task DisposeAsync() => await api.DisposeAsync();

    [Fact]
    public async Task every_operation_has_an_id_a_summary_and_a_typed_schema_for_each_response_body()
    {
        var document = await ServedDocument.FetchAsync(api);
        var missing = new List<string>();
        foreach (var (method, path, operation) in document.Operations())
        {
            if (operation["operationId"] is null || operation["summary"] is null)
            {
                missing.Add($"{method} {path}: no operationId or summary");
            }

            foreach (var (status, response) in operation["responses"]!.AsObject())
            {
                if (status is "204" or "304")
                {
                    continue;
                }

                var content = response!["content"]?.AsObject();
                if (content is null || content.Count == 0)
                {
                    missing.Add($"{method} {path} {status}: no content");
                    continue;
                }

                foreach (var (mediaType, media) in content)
                {
                    var schema = media!["schema"];
                    if (schema is null || (schema["$ref"] is null && schema["type"] is null))
                    {
                        missing.Add($"{method} {path} {status} {mediaType}: no typed schema");
                    }
                }
            }
        }

        Assert.True(missing.Count == 0, string.Join("\n", missing));
    }

    [Fact]
    public async Task every_secured_operation_documents_its_refusals_as_problem_details()
    {
        var document = await ServedDocument.FetchAsync(api);
        foreach (var (method, path, operation) in document.Operations().Where(o => o.Path.StartsWith("/api/v1/", StringComparison.Ordinal)))
        {
            var responses = operation["responses"]!.AsObject();
            foreach (var status in new[] { "401", "429" })
            {
                Assert.True(responses[status]?["content"]?["application/problem+json"] is not null, $"{method} {path} documents no {status}");
            }
        }

        var create = document.Operations().Single(o => o is { Method: "POST", Path: "/api/v1/campaigns" }).Operation;
        Assert.Equal(["201", "400", "401", "409", "413", "415", "429"], create["responses"]!.AsObject().Select(r => r.Key).Order());
        var body = create["requestBody"]!["content"]!.AsObject();
        Assert.Equal(["application/json", "application/yaml", "text/yaml", "application/x-yaml"], body.Select(m => m.Key));
        Assert.All(body, media => Assert.Equal("#/components/schemas/CampaignSubmission", media.Value!["schema"]!["$ref"]!.GetValue<string>()));
    }
}
