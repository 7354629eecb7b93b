using Mnas.Store;

namespace Mnas.Api.Health;

/// <summary>The store is reachable when it answers a cheap read: looking up one campaign by id.</summary>
public sealed class StoreReadinessProbe(ICampaignStore store) : IReadinessProbe
{
    public string Name => "store";

    public async Task<string?> FindProblemAsync(CancellationToken cancellation)
    {
        try
        {
            await store.GetCampaignAsync("readiness-probe", cancellation);
            return null;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return $"{e.GetType().Name}: {e.Message}";
        }
    }
}
