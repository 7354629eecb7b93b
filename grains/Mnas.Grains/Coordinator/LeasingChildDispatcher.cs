using MassTransit;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Mnas.Grains.Contracts;
using Mnas.Grains.Trainer;

namespace Mnas.Grains.Coordinator;

/// <summary>
/// Hands queued children to workers with free slots, first come first served, and holds a lease on each child it
/// hands out. A heartbeat that reports the child renews its lease for <see cref="RuntimeOptions.LeaseGrace"/>; an
/// answer (a result or a hand-back) ends it. A lease that runs out — the worker died, or the assignment never reached
/// it — is reported to the child's coordinator, which retries the child on another worker. Nothing here holds a
/// message for the length of a training.
/// </summary>
public sealed class LeasingChildDispatcher : IChildDispatcher, IAsyncDisposable
{
    private readonly WorkerPool pool;
    private readonly CampaignRegistry registry;
    private readonly ISendEndpointProvider send;
    private readonly RuntimeOptions options;
    private readonly TimeProvider clock;
    private readonly ILogger logger;
    private readonly object gate = new();
    private readonly LinkedList<TrainChild> waiting = new();
    private readonly Dictionary<(string Campaign, long Sequence), Lease> leases = [];

    // Children workers report that no lease here covers (handed out by a coordinator before this one): adoptable.
    private readonly Dictionary<(string Campaign, long Sequence), (int Attempt, string WorkerId)> unleased = [];
    private readonly CancellationTokenSource life = new();
    private readonly Task sweeper;

    public LeasingChildDispatcher(WorkerPool pool, CampaignRegistry registry, ISendEndpointProvider send, RuntimeOptions options,
        TimeProvider? clock = null, ILogger<LeasingChildDispatcher>? logger = null)
    {
        (this.pool, this.registry, this.send, this.options) = (pool, registry, send, options);
        this.clock = clock ?? TimeProvider.System;
        this.logger = logger ?? (ILogger)NullLogger.Instance;
        sweeper = Task.Run(SweepLoopAsync);
    }

    /// <summary>Children waiting for a free slot.</summary>
    public int Waiting
    {
        get
        {
            lock (gate)
            {
                return waiting.Count;
            }
        }
    }

    /// <summary>Children handed to workers and not answered yet.</summary>
    public int Leased
    {
        get
        {
            lock (gate)
            {
                return leases.Count;
            }
        }
    }

    public Task DispatchAsync(TrainChild request, CancellationToken cancellation)
    {
        lock (gate)
        {
            waiting.AddLast(request with { WorkerId = "" });
        }

        return PumpAsync(cancellation);
    }

    /// <summary>A heartbeat: the worker is known (again), and every child it reports keeps its lease.</summary>
    public Task OnHeartbeatAsync(WorkerHeartbeat heartbeat, CancellationToken cancellation)
    {
        pool.Observe(heartbeat);
        var until = clock.GetUtcNow() + options.LeaseGrace;
        lock (gate)
        {
            foreach (var child in heartbeat.Running)
            {
                if (leases.TryGetValue((child.CampaignId, child.Sequence), out var lease))
                {
                    if (lease.Request.Attempt == child.Attempt && lease.Request.WorkerId == heartbeat.WorkerId)
                    {
                        lease.Until = until;
                    }
                }
                else
                {
                    unleased[(child.CampaignId, child.Sequence)] = (child.Attempt, heartbeat.WorkerId);
                }
            }
        }

        return PumpAsync(cancellation);
    }

    public bool TryAdopt(string campaignId, long sequence, int attempt)
    {
        lock (gate)
        {
            var key = (campaignId, sequence);
            if (!unleased.TryGetValue(key, out var reported) || reported.Attempt != attempt || leases.ContainsKey(key))
            {
                return false;
            }

            var request = new TrainChild(campaignId, sequence, attempt, "", "", reported.WorkerId);
            leases[key] = new Lease(request, clock.GetUtcNow() + options.LeaseGrace);
            unleased.Remove(key);
            return true;
        }
    }

    /// <summary>The child's attempt was answered (a result or a hand-back): its lease ends and its slot is free.</summary>
    public Task OnAnsweredAsync(string campaignId, long sequence, int attempt, CancellationToken cancellation)
    {
        lock (gate)
        {
            if (leases.TryGetValue((campaignId, sequence), out var lease) && lease.Request.Attempt == attempt)
            {
                leases.Remove((campaignId, sequence));
            }

            unleased.Remove((campaignId, sequence));
        }

        return PumpAsync(cancellation);
    }

    /// <summary>Leases expired and workers gone are dealt with now (normally every fraction of a heartbeat interval).</summary>
    public async Task SweepAsync(CancellationToken cancellation)
    {
        pool.RemoveGone();
        var known = pool.Snapshot().Select(w => w.Heartbeat.WorkerId).ToHashSet(StringComparer.Ordinal);
        lock (gate)
        {
            foreach (var key in unleased.Where(kv => !known.Contains(kv.Value.WorkerId)).Select(kv => kv.Key).ToList())
            {
                unleased.Remove(key);
            }
        }

        var now = clock.GetUtcNow();
        List<Lease> expired;
        lock (gate)
        {
            expired = leases.Values.Where(l => l.Until < now).ToList();
            foreach (var lease in expired)
            {
                leases.Remove((lease.Request.CampaignId, lease.Request.Sequence));
            }
        }

        foreach (var lease in expired)
        {
            var reason = $"worker {lease.Request.WorkerId} lost: no heartbeat reported the child for {options.LeaseGrace.TotalSeconds:0.###} s";
            logger.LogWarning("campaign {Campaign}: child {Sequence} attempt {Attempt}: {Reason}", lease.Request.CampaignId, lease.Request.Sequence,
                lease.Request.Attempt, reason);
            if (registry.Find(lease.Request.CampaignId) is { } engine)
            {
                await engine.OnLeaseExpiredAsync(lease.Request, reason, cancellation);
            }
        }

        await PumpAsync(cancellation);
    }

    /// <summary>Assigns waiting children to free slots and sends each to its worker's queue.</summary>
    private async Task PumpAsync(CancellationToken cancellation)
    {
        var assigned = new List<TrainChild>();
        lock (gate)
        {
            var held = leases.Values.GroupBy(l => l.Request.WorkerId).ToDictionary(g => g.Key, g => g.Count());
            while (waiting.First is { } next && pool.FreestWorker(held) is { } worker)
            {
                waiting.RemoveFirst();
                var request = next.Value with { WorkerId = worker };
                leases[(request.CampaignId, request.Sequence)] = new Lease(request, clock.GetUtcNow() + options.LeaseGrace);
                held[worker] = held.GetValueOrDefault(worker) + 1;
                assigned.Add(request);
            }
        }

        foreach (var request in assigned)
        {
            var endpoint = await send.GetSendEndpoint(new Uri($"queue:{options.QueueName(WorkerIdentity.QueueName(request.WorkerId))}"));
            await endpoint.Send(request, cancellation);
        }
    }

    private async Task SweepLoopAsync()
    {
        var period = TimeSpan.FromTicks(Math.Max(TimeSpan.FromMilliseconds(10).Ticks, Math.Min(options.HeartbeatInterval.Ticks, options.LeaseGrace.Ticks / 4)));
        using var timer = new PeriodicTimer(period, clock);
        try
        {
            while (await timer.WaitForNextTickAsync(life.Token))
            {
                try
                {
                    await SweepAsync(life.Token);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    logger.LogError(e, "lease sweep failed; trying again at the next tick");
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private int disposed;

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref disposed, 1) != 0)
        {
            return;
        }

        await life.CancelAsync();
        await sweeper;
        life.Dispose();
    }

    private sealed class Lease(TrainChild request, DateTimeOffset until)
    {
        public TrainChild Request { get; } = request;

        public DateTimeOffset Until { get; set; } = until;
    }
}
