using System.Collections.Concurrent;

namespace Mnas.Grains.Campaigns;

/// <summary>The launches asked for in this process, by campaign id (see <see cref="CampaignLaunch"/>).</summary>
public sealed class CampaignLaunches
{
    private readonly ConcurrentDictionary<string, CampaignLaunch> launches = new(StringComparer.Ordinal);

    public void Add(string campaignId, CampaignLaunch launch)
    {
        if (!launches.TryAdd(campaignId, launch))
        {
            throw new InvalidOperationException($"campaign {campaignId} already runs in this process");
        }
    }

    public CampaignLaunch? Find(string campaignId) => launches.GetValueOrDefault(campaignId);

    public void Remove(string campaignId, CampaignLaunch launch) => launches.TryRemove(KeyValuePair.Create(campaignId, launch));
}
