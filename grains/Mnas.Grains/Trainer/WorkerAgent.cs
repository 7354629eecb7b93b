using System.Collections.Concurrent;
using MassTransit;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Mnas.Grains.Contracts;

namespace Mnas.Grains.Trainer;

/// <summary>
/// A worker: a number of slots that each run one child at a time. A child assigned to it starts at once in the
/// background — the assignment message is acknowledged immediately, never held for the length of a training — and
/// the worker reports itself and its running children every heartbeat interval, which keeps their leases alive.
/// Stopping gracefully cancels the running children between steps and hands them back (the attempt does not count).
/// </summary>
public sealed class WorkerAgent : IAsyncDisposable
{
    private readonly IChildRunner runner;
    private readonly IPublishEndpoint bus;
    private readonly RuntimeOptions options;
    private readonly TimeProvider clock;
    private readonly ILogger logger;
    private readonly ConcurrentDictionary<(string Campaign, long Sequence), Running> running = new();
    private readonly CancellationTokenSource life = new();
    private readonly object gate = new();
    private Task heartbeats = Task.CompletedTask;
    private volatile bool stopping;
    private volatile bool killed;

    public WorkerAgent(WorkerIdentity identity, int slots, IChildRunner runner, IPublishEndpoint bus, RuntimeOptions options,
        TimeProvider? clock = null, ILogger? logger = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(slots, 1);
        (Identity, Slots, this.runner, this.bus, this.options) = (identity, slots, runner, bus, options);
        this.clock = clock ?? TimeProvider.System;
        this.logger = logger ?? NullLogger.Instance;
    }

    public WorkerIdentity Identity { get; }

    public string Id => Identity.WorkerId;

    public int Slots { get; }

    public int Busy => running.Count;

    /// <summary>Killed (see <see cref="KillAsync"/>): it takes nothing and answers nothing, as a dead process.</summary>
    public bool Killed => killed;

    /// <summary>Starts reporting: one heartbeat now, then one every interval.</summary>
    public async Task StartAsync()
    {
        await PublishHeartbeatAsync();
        heartbeats = Task.Run(HeartbeatLoopAsync);
    }

    /// <summary>Takes an assigned child if a slot is free and the worker is not stopping; false otherwise (the caller hands it back).</summary>
    public bool TryAccept(TrainChild request)
    {
        lock (gate)
        {
            if (stopping || killed || running.Count >= Slots || running.ContainsKey((request.CampaignId, request.Sequence)))
            {
                return false;
            }

            var entry = new Running(request, CancellationTokenSource.CreateLinkedTokenSource(life.Token));
            running[(request.CampaignId, request.Sequence)] = entry;
            entry.Task = Task.Run(() => RunAsync(entry));
            return true;
        }
    }

    private async Task RunAsync(Running entry)
    {
        var request = entry.Request;
        try
        {
            await bus.Publish(new ChildStarted(request.CampaignId, request.Sequence, request.Attempt));
            await PublishHeartbeatAsync();
            var result = await runner.RunAsync(request, entry.Cancellation.Token);
            running.TryRemove((request.CampaignId, request.Sequence), out _);
            if (!killed)
            {
                await bus.Publish(result);
                await PublishHeartbeatAsync();
            }
        }
        catch (OperationCanceledException) when (entry.Cancellation.IsCancellationRequested)
        {
            running.TryRemove((request.CampaignId, request.Sequence), out _);
            if (!killed)
            {
                logger.LogInformation("worker {Worker}: handing child {Sequence} of {Campaign} back (stopping)", Id, request.Sequence, request.CampaignId);
                await bus.Publish(new ChildReleased(request.CampaignId, request.Sequence, request.Attempt, Id, "the worker is stopping"));
            }
        }
        catch (Exception e)
        {
            running.TryRemove((request.CampaignId, request.Sequence), out _);
            logger.LogError(e, "worker {Worker}: child {Sequence} of {Campaign} could not be answered", Id, request.Sequence, request.CampaignId);
        }
        finally
        {
            entry.Cancellation.Dispose();
        }
    }

    /// <summary>Stops gracefully: no new children; running ones stop between steps and are handed back; a last heartbeat says so.</summary>
    public async Task StopAsync()
    {
        lock (gate)
        {
            if (stopping)
            {
                return;
            }

            stopping = true;
        }

        await life.CancelAsync();
        await Task.WhenAll(running.Values.Select(r => r.Task ?? Task.CompletedTask));
        await heartbeats;
        if (!killed)
        {
            await PublishHeartbeatAsync();
        }
    }

    /// <summary>Stops at once with no word to anyone, as a process killed outright would: its children are found lost when their leases run out.</summary>
    public async Task KillAsync()
    {
        killed = true;
        await StopAsync();
    }

    private async Task HeartbeatLoopAsync()
    {
        using var timer = new PeriodicTimer(options.HeartbeatInterval, clock);
        try
        {
            while (await timer.WaitForNextTickAsync(life.Token))
            {
                await PublishHeartbeatAsync();
            }
        }
        catch (OperationCanceledException)
        {
        }
        catch (Exception e)
        {
            logger.LogError(e, "worker {Worker}: heartbeats stopped", Id);
        }
    }

    private Task PublishHeartbeatAsync()
    {
        if (killed)
        {
            return Task.CompletedTask;
        }

        var children = running.Values.Select(r => new RunningChild(r.Request.CampaignId, r.Request.Sequence, r.Request.Attempt)).ToArray();
        return bus.Publish(new WorkerHeartbeat(Id, Identity.DeviceClass, Identity.Device, Identity.Threads, Slots, children, stopping,
            clock.GetUtcNow()));
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        life.Dispose();
    }

    private sealed class Running(TrainChild request, CancellationTokenSource cancellation)
    {
        public TrainChild Request { get; } = request;

        public CancellationTokenSource Cancellation { get; } = cancellation;

        public Task? Task { get; set; }
    }
}
