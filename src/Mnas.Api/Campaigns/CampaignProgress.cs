using System.Text.Json;
using Mnas.Campaigns;
using Mnas.Grains;
using Mnas.Store;

namespace Mnas.Api.Campaigns;

/// <summary>
/// Reads a campaign's progress from the store — counts by child status, best reward, budget used — and, where the process
/// reaches the cluster, asks a running campaign's grain whether it waits for workers.
/// </summary>
public sealed class CampaignProgress(ICampaignStore store, IServiceProvider services)
{
    private static readonly TimeSpan ActivityWait = TimeSpan.FromSeconds(2);

    public async Task<CampaignResponse> DescribeAsync(Campaign campaign, CancellationToken cancellation)
    {
        var counts = await store.CountChildrenByStatusAsync(campaign.Id, cancellation);
        var done = await store.ListChildrenAsync(campaign.Id, ChildStatus.Done, cancellation);
        var sampled = await store.GetMaxSequenceAsync(campaign.Id, cancellation);
        var settings = ReadSettings(campaign);
        var maxChildren = settings?.MaxChildren;
        var budget = new CampaignBudgetResponse(maxChildren, settings?.MaxHours, sampled,
            maxChildren is > 0 ? (double)sampled / maxChildren.Value : null);
        return new CampaignResponse(campaign.Id, campaign.Name, campaign.Status, settings?.Strategy, campaign.Seed, campaign.CreatedAt,
            Count(counts), done.Max(c => c.Reward), budget, campaign.Owner, await WaitingAsync(campaign, cancellation));
    }

    /// <summary>Why the campaign waits, by its grain; null when it does not run, does not wait, or the cluster cannot say now.</summary>
    private async Task<string?> WaitingAsync(Campaign campaign, CancellationToken cancellation)
    {
        if (campaign.Status != CampaignStatus.Running || services.GetService(typeof(IGrainFactory)) is not IGrainFactory grains)
        {
            return null;
        }
        try
        {
            return (await grains.GetGrain<Mnas.Grains.Contracts.ICampaignGrain>(campaign.Id).Activity().WaitAsync(ActivityWait, cancellation)).Waiting;
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellation.IsCancellationRequested)
        {
            return null;
        }
    }

    private static ChildCounts Count(IReadOnlyDictionary<ChildStatus, long> counts)
    {
        long Of(ChildStatus status) => counts.TryGetValue(status, out var n) ? n : 0;
        return new ChildCounts(Of(ChildStatus.Sampled), Of(ChildStatus.Queued), Of(ChildStatus.Training), Of(ChildStatus.Measured),
            Of(ChildStatus.Done), Of(ChildStatus.Failed), counts.Values.Sum());
    }

    // A campaign recorded by another version may hold settings this one cannot read: it is still listed, without them.
    internal static CampaignSettings? ReadSettings(Campaign campaign)
    {
        try
        {
            return CampaignSettings.FromJson(campaign.Strategy);
        }
        catch (Exception e) when (e is JsonException or InvalidDataException or NotSupportedException)
        {
            return null;
        }
    }
}
