using System.Net;
using System.Text.Json;

namespace Mnas.Api.Tests;

/// <summary>An error answer as RFC 9457 problem details: its status, title, detail and the rest of its members.</summary>
internal sealed record Problem(HttpStatusCode Status, string Title, string? Detail, JsonElement Body)
{
    public static async Task<Problem> ReadAsync(HttpResponseMessage response)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
        Assert.Equal((int)response.StatusCode, body.GetProperty("status").GetInt32());
        return new Problem(response.StatusCode, body.GetProperty("title").GetString()!,
            body.TryGetProperty("detail", out var detail) ? detail.GetString() : null, body);
    }
}
