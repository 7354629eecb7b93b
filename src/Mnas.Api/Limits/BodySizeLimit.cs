using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Mnas.Api.Limits;

/// <summary>
/// Refuses a request body above <see cref="ApiOptions.MaxBodyBytes"/> with 413 problem details: at once when its
/// Content-Length says so, else when reading passes the limit (the server's own limit is set to the same).
/// </summary>
public static class BodySizeLimit
{
    public static IApplicationBuilder UseBodySizeLimit(this IApplicationBuilder app, ApiOptions options) =>
        app.Use(async (context, next) =>
        {
            if (context.Request.ContentLength > options.MaxBodyBytes)
            {
                await DiscardAsync(context, options);
                await RefuseAsync(context, options);
                return;
            }

            if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
            {
                limit.MaxRequestBodySize = options.MaxBodyBytes;
            }

            try
            {
                await next(context);
            }
            catch (BadHttpRequestException tooLarge) when (tooLarge.StatusCode == StatusCodes.Status413PayloadTooLarge && !context.Response.HasStarted)
            {
                await RefuseAsync(context, options);
            }
        });

    /// <summary>
    /// Reads and drops a body announced too large, up to <see cref="DiscardFactor"/> times the limit: a connection closed
    /// while the client is still sending is reset, and the reset can swallow the 413 before the client reads it. A body
    /// larger still closes the connection.
    /// </summary>
    private static async Task DiscardAsync(HttpContext context, ApiOptions options)
    {
        var most = DiscardFactor * options.MaxBodyBytes;
        if (context.Request.ContentLength > most || context.Features.Get<IHttpMaxRequestBodySizeFeature>() is not { IsReadOnly: false } limit)
        {
            context.Response.Headers.Connection = "close";
            return;
        }

        limit.MaxRequestBodySize = most;
        var buffer = new byte[16 * 1024];
        while (await context.Request.Body.ReadAsync(buffer, context.RequestAborted) > 0)
        {
        }
    }

    private const int DiscardFactor = 8;

    public static async Task RefuseAsync(HttpContext context, ApiOptions options)
    {
        context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
        await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails =
            {
                Status = StatusCodes.Status413PayloadTooLarge,
                Title = "Request body too large",
                Detail = $"a request body may hold at most {options.MaxBodyBytes} bytes ({ApiOptionsValidator.MaxBodySetting})",
            },
        });
    }
}
