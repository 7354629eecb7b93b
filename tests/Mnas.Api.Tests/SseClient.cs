using System.Text.Json;

namespace Mnas.Api.Tests;

/// <summary>A Server-Sent Events connection to the API: reads messages one at a time, skipping comments.</summary>
internal sealed class SseClient : IAsyncDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    private readonly HttpResponseMessage response;
    private readonly StreamReader reader;

    private SseClient(HttpResponseMessage response, StreamReader reader) => (this.response, this.reader) = (response, reader);

    public string? ContentType => response.Content.Headers.ContentType?.MediaType;

    public static async Task<SseClient> OpenAsync(HttpClient client, string path, string? lastEventId = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (lastEventId is not null)
        {
            request.Headers.Add("Last-Event-ID", lastEventId);
        }

        var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        Assert.True(response.IsSuccessStatusCode, $"GET {path}: {(int)response.StatusCode}");
        return new SseClient(response, new StreamReader(await response.Content.ReadAsStreamAsync()));
    }

    /// <summary>The next message; fails when none comes within ten seconds.</summary>
    public async Task<SseMessage> NextAsync()
    {
        using var timeout = new CancellationTokenSource(Patience);
        string? id = null, type = null, data = null;
        while (true)
        {
            var line = await reader.ReadLineAsync(timeout.Token) ?? throw new EndOfStreamException("the stream ended");
            if (line.Length == 0)
            {
                if (type is not null)
                {
                    return new SseMessage(long.Parse(id!), type, JsonDocument.Parse(data!).RootElement.Clone());
                }

                continue;
            }

            if (line.StartsWith(':'))
            {
                continue;
            }

            var colon = line.IndexOf(':');
            var (field, value) = (line[..colon], line[(colon + 1)..].TrimStart(' '));
            _ = field switch
            {
                "id" => id = value,
                "event" => type = value,
                "data" => data = value,
                _ => throw new InvalidDataException($"unexpected field '{field}'"),
            };
        }
    }

    /// <summary>The next line as sent, comments included; fails when none comes within <paramref name="patience"/>.</summary>
    public async Task<string> NextLineAsync(TimeSpan patience)
    {
        using var timeout = new CancellationTokenSource(patience);
        return await reader.ReadLineAsync(timeout.Token) ?? throw new EndOfStreamException("the stream ended");
    }

    /// <summary>The next <paramref name="count"/> messages.</summary>
    public async Task<List<SseMessage>> NextAsync(int count)
    {
        var messages = new List<SseMessage>();
        for (var i = 0; i < count; i++)
        {
            messages.Add(await NextAsync());
        }

        return messages;
    }

    public ValueTask DisposeAsync()
    {
        reader.Dispose();
        response.Dispose();
        return ValueTask.CompletedTask;
    }
}

/// <summary>One message of the stream: its id, type and JSON data.</summary>
internal sealed record SseMessage(long Id, string Type, JsonElement Data);
