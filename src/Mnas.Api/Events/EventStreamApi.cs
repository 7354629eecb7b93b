using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using Mnas.Store;

namespace Mnas.Api.Events;

/// <summary>
/// <c>GET /campaigns/{id}/events/stream</c>: the campaign's events as Server-Sent Events, from after the <c>Last-Event-ID</c>
/// header (or <c>?after=</c>) on, live until the client goes. The store's event log is tailed by id, so messages come in id
/// order and never twice; a comment keeps an idle connection open.
/// </summary>
public static class EventStreamApi
{
    /// <summary>How often the event log is read for new events.</summary>
    public static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(250);

    /// <summary>How long the stream may be silent before a keep-alive comment.</summary>
    public static readonly TimeSpan KeepAliveInterval = TimeSpan.FromSeconds(15);

    public static IEndpointRouteBuilder MapEventStreamApi(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/campaigns/{id}/events/stream", StreamAsync);
        return routes;
    }

    private static async Task<Results<EmptyHttpResult, ValidationProblem, ProblemHttpResult>> StreamAsync(
        string id, HttpContext context, ICampaignStore store, IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json, [FromQuery] string? after,
        [FromHeader(Name = "Last-Event-ID")] string? lastEventId)
    {
        var (name, text) = lastEventId is not null ? ("Last-Event-ID", lastEventId) : ("after", after);
        var start = 0L;
        if (text is not null && (!long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out start)))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { [name] = [$"must be an event id, a whole number from 0 (got '{text}')"] });
        }

        if (await CampaignLookup.FindAsync(context, store, id) is null)
        {
            return CampaignLookup.NotFound(id);
        }

        try
        {
            await TailAsync(context, store, id, start, json.Value.SerializerOptions);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client went: the stream ends.
        }

        return TypedResults.Empty;
    }

    private static async Task TailAsync(HttpContext context, ICampaignStore store, string id, long after, JsonSerializerOptions json)
    {
        var cancellation = context.RequestAborted;
        var response = context.Response;
        response.ContentType = "text/event-stream";
        response.Headers.CacheControl = "no-cache";
        response.Headers["X-Accel-Buffering"] = "no";
        context.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
        await response.Body.FlushAsync(cancellation);

        var translator = new CampaignEventTranslator(store, id);
        await translator.CatchUpAsync(after, cancellation);
        var silence = Stopwatch.StartNew();
        while (true)
        {
            var events = await store.ListEventsAsync(id, after, StoreRules.MaxEventPage, cancellation);
            foreach (var e in events)
            {
                foreach (var message in await translator.TranslateAsync(e, cancellation))
                {
                    await WriteAsync(response, Format(message, json), cancellation);
                }

                after = e.Id;
                silence.Restart();
            }

            if (events.Count == StoreRules.MaxEventPage)
            {
                continue;
            }

            if (silence.Elapsed >= KeepAliveInterval)
            {
                await WriteAsync(response, ": keep-alive\n\n", cancellation);
                silence.Restart();
            }

            await Task.Delay(PollInterval, cancellation);
        }
    }

    private static string Format(StreamMessage message, JsonSerializerOptions json) =>
        $"id: {message.Id.ToString(CultureInfo.InvariantCulture)}\nevent: {message.Type}\ndata: {JsonSerializer.Serialize(message.Data, message.Data.GetType(), json)}\n\n";

    private static async Task WriteAsync(HttpResponse response, string text, CancellationToken cancellation)
    {
        await response.Body.WriteAsync(Encoding.UTF8.GetBytes(text), cancellation);
        await response.Body.FlushAsync(cancellation);
    }
}
