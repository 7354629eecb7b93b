using Mnas.Campaigns;
using Mnas.Grains;
using Mnas.Store;

namespace Mnas.Api.Tests;

/// <summary>Campaigns and children written straight into a test's store, as a coordinator would have left them.</summary>
internal sealed class CampaignSeed(ICampaignStore store)
{
    public Task CreateAsync(string id, string specJson = "{}", string strategy = "rl") =>
        store.CreateCampaignAsync(new Campaign(id, id, specJson, new CampaignSettings(strategy).ToJson(), 7, CampaignStatus.Running, TestApi.Start));

    /// <summary>A done child with these metrics; its update time is the start plus <paramref name="minutes"/>.</summary>
    public async Task<Child> DoneAsync(string campaign, long sequence, double accuracy, double latencyMs, double reward, int minutes = 0,
        long parameters = 1000, long macs = 2000, long peak = 3000)
    {
        var child = await AddAsync(campaign, sequence);
        return await store.UpdateChildAsync(child with
        {
            Status = ChildStatus.Done,
            Metrics = new ChildMetrics(accuracy, latencyMs, parameters, macs, peak, 1.5),
            Reward = reward,
            UpdatedAt = TestApi.Start.AddMinutes(minutes),
        });
    }

    /// <summary>A child in <paramref name="status"/> without metrics (failed ones with a reason).</summary>
    public async Task<Child> InStatusAsync(string campaign, long sequence, ChildStatus status, int minutes = 0)
    {
        var child = await AddAsync(campaign, sequence);
        return status == ChildStatus.Sampled
            ? child
            : await store.UpdateChildAsync(child with
            {
                Status = status,
                FailureReason = status == ChildStatus.Failed ? "broken" : null,
                UpdatedAt = TestApi.Start.AddMinutes(minutes),
            });
    }

    private Task<Child> AddAsync(string campaign, long sequence) =>
        store.AddChildAsync(new Child(campaign, sequence, $"arch-{sequence}", [1, 2, (int)sequence], -1.5, 0, ChildStatus.Sampled, 1, null, null, null,
            TestApi.Start));
}
