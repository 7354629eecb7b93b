using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Mnas.Api.Campaigns;
using Mnas.Api.Children;
using Mnas.Api.Health;
using Mnas.Api.Security;
using Mnas.Api.Workers;

namespace Mnas.Api;

public static class ApiEndpoints
{
    /// <summary>The API's version in its paths.</summary>
    public const string V1 = "/api/v1";

    /// <summary>
    /// Maps <c>/healthz</c>, <c>/readyz</c> and, under <see cref="V1"/>, <c>/workers</c> and <c>/campaigns</c> (services from
    /// <see cref="ApiServiceCollectionExtensions.AddMnasApi"/>). Every endpoint under <see cref="V1"/> requires a valid API key:
    /// the group requires it, so endpoints added to the group later do too.
    /// </summary>
    public static IEndpointRouteBuilder MapMnasApi(this IEndpointRouteBuilder routes)
    {
        routes.MapHealthApi();
        var v1 = routes.MapGroup(V1).RequireAuthorization(ApiPolicies.Researcher);
        v1.MapWorkersApi();
        v1.MapCampaignsApi();
        v1.MapCampaignReadApi();
        v1.MapChildMemoryApi();
        v1.MapCampaignWritesApi();
        return routes;
    }
}
