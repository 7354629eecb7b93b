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

    // Answers take milliseconds, a slow one seconds.
    private static readonly Histogram<double> RequestSeconds = MnasMeter.Instance.CreateHistogram("mnas_api_request_seconds", "s",
        "How long the API took to answer a request, by method.", tags: null,
        new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10] });

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
