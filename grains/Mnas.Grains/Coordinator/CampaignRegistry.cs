using System.Collections.Concurrent;

namespace Mnas.Grains.Coordinator;

/// <summary>The campaigns this process coordinates, so that workers' answers reach their coordinator.</summary>
public sealed class CampaignRegistry
{
    private readonly ConcurrentDictionary<string, CampaignEngine> engines = new();
    private readonly ConcurrentDictionary<string, TaskCompletionSource<CampaignEngine>> waiting = new();
    private readonly long started = System.Diagnostics.Stopwatch.GetTimestamp();

    public int Count => engines.Count;

    public void Register(CampaignEngine engine)
    {
        engines[engine.CampaignId] = engine;
        if (waiting.TryRemove(engine.CampaignId, out var waiter))
        {
            waiter.TrySetResult(engine);
        }
    }

    public void Unregister(string campaignId) => engines.TryRemove(campaignId, out _);

    public CampaignEngine? Find(string campaignId) => engines.GetValueOrDefault(campaignId);

    /// <summary>
    /// The campaign's coordinator. In the first <paramref name="patience"/> after this process started coordinating,
    /// waits for it to open (answers may come just before a coordinator taking over has opened its campaigns); later,
    /// and when it does not open in time, null.
    /// </summary>
    public async Task<CampaignEngine?> FindAsync(string campaignId, TimeSpan patience, CancellationToken cancellation)
    {
        if (Find(campaignId) is { } engine)
        {
            return engine;
        }

        var left = patience - System.Diagnostics.Stopwatch.GetElapsedTime(started);
        if (left <= TimeSpan.Zero)
        {
            return null;
        }

        var waiter = waiting.GetOrAdd(campaignId, _ => new TaskCompletionSource<CampaignEngine>(TaskCreationOptions.RunContinuationsAsynchronously));
        if (Find(campaignId) is { } registered)
        {
            return registered;
        }

        try
        {
            return await waiter.Task.WaitAsync(left, cancellation);
        }
        catch (TimeoutException)
        {
            return null;
        }
    }
}
