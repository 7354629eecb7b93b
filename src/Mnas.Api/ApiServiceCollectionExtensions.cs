using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Mnas.Api.Campaigns;
using Mnas.Api.Health;
using Mnas.Api.Limits;
using Mnas.Api.OpenApi;
using Mnas.Api.Security;
using Mnas.Store;

namespace Mnas.Api;

public static class ApiServiceCollectionExtensions
{
    /// <summary>
    /// What the API's endpoints need: the checked options, the store they read (owned by the caller, not disposed
    /// here), the readiness probes beyond the store's (the broker's, when there is one), problem details for every
    /// error, API-key authentication and the roles' policies, the rate limiter, the OpenAPI document, and the API's JSON. Throws <see cref="ArgumentException"/> naming every bad setting.
    /// </summary>
    public static IServiceCollection AddMnasApi(this IServiceCollection services, ApiOptions options, ICampaignStore store,
        IEnumerable<IReadinessProbe>? probes = null)
    {
        ApiOptionsValidator.Instance.ThrowIfInvalid(options);
        services.AddSingleton(options);
        services.AddSingleton(store);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<IReadinessProbe>(new StoreReadinessProbe(store));
        foreach (var probe in probes ?? [])
        {
            services.AddSingleton(probe);
        }

        services.AddSingleton<Readiness>();
        services.AddSingleton<CampaignProgress>();
        services.AddProblemDetails();
        services.AddMnasSecurity();
        services.AddMnasRateLimiting(options);
        services.AddMnasApiDocumentation();
        services.ConfigureHttpJsonOptions(http => ApiJson.Configure(http.SerializerOptions));
        return services;
    }
}
