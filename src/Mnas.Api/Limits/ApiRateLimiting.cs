using System.Net;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Mnas.Api.Security;

namespace Mnas.Api.Limits;

/// <summary>
/// Requests under <see cref="ApiEndpoints.V1"/> limited per API key (per client address while none is valid) to
/// <see cref="ApiOptions.RateLimitPerMinute"/> in each fixed minute; one over answers 429 problem details with Retry-After.
/// </summary>
public static class ApiRateLimiting
{
    public static IServiceCollection AddMnasRateLimiting(this IServiceCollection services, ApiOptions options) =>
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
            {
                if (!context.Request.Path.StartsWithSegments(ApiEndpoints.V1))
                {
                    return RateLimitPartition.GetNoLimiter("unlimited");
                }

                var partition = ApiCaller.From(context.User) is { } caller
                    ? "key:" + caller.KeyId
                    : "address:" + (context.Connection.RemoteIpAddress ?? IPAddress.None);
                return RateLimitPartition.GetFixedWindowLimiter(partition, _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = options.RateLimitPerMinute,
                    Window = TimeSpan.FromMinutes(1),
                    QueueLimit = 0,
                });
            });
            limiter.OnRejected = async (rejected, cancellation) =>
            {
                var context = rejected.HttpContext;
                var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1);
                context.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
                await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = context,
                    ProblemDetails =
                    {
                        Status = StatusCodes.Status429TooManyRequests,
                        Title = "Too many requests",
                        Detail = $"at most {options.RateLimitPerMinute} requests a minute per API key ({ApiOptionsValidator.RateLimitSetting}); retry after {retryAfter.TotalSeconds:0} s",
                    },
                });
            };
        });
}
