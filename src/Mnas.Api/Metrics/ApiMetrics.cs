using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.AspNetCore.Builder;
using Mnas.Metrics;

namespace Mnas.Api.Metrics;

/// <summary>The API's instruments: requests by method and status class (<c>2xx</c>, <c>4xx</c>…), and how long each took.</summary>
public static class ApiMetrics
{
    private static readonly Counter<long> Requests = MnasMeter.Instance.CreateCounter<long>("mnas_api_requests", description:
        "Requests the API answered, by method and status class.");

    private static readonly Histogram<double> RequestSeconds = MnasMeter.Instance.CreateHistogram<double>("mnas_api_request_seconds", "s",
        "How long the API took to answer a request, by method.");

    /// <summary>Counts and times every request that passes, whatever answers it.</summary>
    public static IApplicationBuilder UseApiMetrics(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            await next(context);
        }
        finally
        {
            var method = KeyValuePair.Create<string, object?>("method", context.Request.Method);
            Requests.Add(1, method, KeyValuePair.Create<string, object?>("status", $"{context.Response.StatusCode / 100}xx"));
            RequestSeconds.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, method);
        }
    });
}
