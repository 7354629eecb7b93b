using Microsoft.AspNetCore.Routing;
using Mnas.Api.Children;
using Mnas.Api.Controller;
using Mnas.Api.Events;
using Mnas.Api.Pareto;
using Mnas.Api.Search;
using Mnas.Api.Supernet;

namespace Mnas.Api;

/// <summary>
/// What can be read of one campaign below <c>/campaigns/{id}</c>: its children, Pareto front, controller history, supernet,
/// predictor-driven search and live events; and what its predictor answers when asked again (a requery, which writes nothing).
/// </summary>
public static class CampaignReadApi
{
    public static IEndpointRouteBuilder MapCampaignReadApi(this IEndpointRouteBuilder routes)
    {
        routes.MapChildrenApi();
        routes.MapParetoApi();
        routes.MapControllerApi();
        routes.MapSupernetApi();
        routes.MapSearchApi();
        routes.MapRequeryApi();
        routes.MapEventStreamApi();
        return routes;
    }
}
