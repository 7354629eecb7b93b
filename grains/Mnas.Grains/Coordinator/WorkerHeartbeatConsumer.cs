using MassTransit;
using Microsoft.Extensions.Logging;
using Mnas.Campaigns;
using Mnas.Grains.Contracts;
using Mnas.Store;

namespace Mnas.Grains.Coordinator;

/// <summary>
/// Feeds workers' heartbeats to the dispatcher (the pool learns of the worker, and its children's leases are renewed)
/// and records each worker's status in the store, where the API reads it; workers not heard from for a day are forgotten.
/// </summary>
public sealed class WorkerHeartbeatConsumer(LeasingChildDispatcher dispatcher, ICampaignStore store, TimeProvider clock,
    ILogger<WorkerHeartbeatConsumer> logger) : IConsumer<WorkerHeartbeat>
{
    private static readonly TimeSpan ForgetAfter = TimeSpan.FromDays(1);
    private long nextForget;

    public async Task Consume(ConsumeContext<WorkerHeartbeat> context)
    {
        var heartbeat = context.Message;
        await dispatcher.OnHeartbeatAsync(heartbeat, context.CancellationToken);
        var now = clock.GetUtcNow();
        try
        {
            // Times by this coordinator's clock, as the leases are.
            await store.RecordWorkerAsync(new WorkerStatus(heartbeat.WorkerId, heartbeat.DeviceClass, heartbeat.Device, heartbeat.Threads, heartbeat.Slots,
                heartbeat.Running.Select(r => new WorkerChild(r.CampaignId, r.Sequence, r.Attempt, r.Job.ToString().ToLowerInvariant())).ToList(),
                heartbeat.Stopping, now, now), context.CancellationToken);
            if (now.UtcTicks >= Interlocked.Read(ref nextForget))
            {
                Interlocked.Exchange(ref nextForget, (now + TimeSpan.FromMinutes(10)).UtcTicks);
                await store.ForgetWorkersAsync(now - ForgetAfter, context.CancellationToken);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The leases above are what matter; the status shown to the API catches up with the next heartbeat.
            logger.LogWarning("worker {Worker}: its status could not be recorded: {Error}", heartbeat.WorkerId, e.Message);
        }
    }
}
