using System.Collections.Concurrent;

namespace Mnas.Grains.Coordinator;

/// <summary>The campaigns this process coordinates, so that trainers' answers reach their coordinator.</summary>
public sealed class CampaignRegistry
{
    private readonly ConcurrentDictionary<string, CampaignEngine> engines = new();

    public void Register(CampaignEngine engine) => engines[engine.CampaignId] = engine;

    public void Unregister(string campaignId) => engines.TryRemove(campaignId, out _);

    public CampaignEngine? Find(string campaignId) => engines.GetValueOrDefault(campaignId);
}
