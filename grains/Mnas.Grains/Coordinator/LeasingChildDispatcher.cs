using MassTransit;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Mnas.Grains.Contracts;
using Mnas.Grains.Trainer;

namespace Mnas.Grains.Coordinator;

/// <summary>
/// Hands queued children to workers with free slots, first come first served, and holds a lease on each child it
/// hands out. Latency jobs wait in a queue of their device class and go only to workers of that class, before any
/// other job; training and whole evaluations wait in one queue for any worker. A heartbeat that reports the child renews its lease for <see cref="RuntimeOptions.LeaseGrace"/>; an
/// answer (a result or a hand-back) ends it. A lease that runs out — the worker died, or the assignment never reached
/// it — is reported to the child's coordinator, which retries the child on another worker. Nothing here holds a
/// message for the length of a training.
/// </summary>
/// <remarks>
/// When no worker at all has been heard from for a while, the silence says more about this coordinator's link to
/// the workers (a broker restart, a network cut) than about the workers: leases then do not run out, and once
/// workers are heard again every lease gets a full grace period, so an outage of the broker costs no attempt.
/// </remarks>
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
    private readonly SortedDictionary<string, LinkedList<TrainChild>> waitingForClass = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Campaign, long Sequence), Lease> leases = [];

    // Children workers report that no lease here covers (handed out by a coordinator before this one): adoptable.
    private readonly Dictionary<(string Campaign, long Sequence), (int Attempt, string WorkerId)> unleased = [];
    private readonly CancellationTokenSource life = new();
    private readonly Task sweeper;
    private DateTimeOffset lastHeard;
    private bool silent;

    public LeasingChildDispatcher(WorkerPool pool, CampaignRegistry registry, ISendEndpointProvider send, RuntimeOptions options,
        TimeProvider? clock = null, ILogger<LeasingChildDispatcher>? logger = null)
    {
        (this.pool, this.registry, this.send, this.options) = (pool, registry, send, options);
        this.clock = clock ?? TimeProvider.System;
        this.logger = logger ?? (ILogger)NullLogger.Instance;
        lastHeard = this.clock.GetUtcNow();
        sweeper = Task.Run(SweepLoopAsync);
        CoordinatorMetrics.Opened(this);
    }

    /// <summary>Campaigns coordinated here now.</summary>
    public int Campaigns => registry.Count;

    /// <summary>Workers heard from within the lease grace.</summary>
    public int WorkersAlive => pool.AliveCount;

    /// <summary>Children waiting for a free slot.</summary>
    public int Waiting
    {
        get
        {
            lock (gate)
            {
                return waiting.Count + waitingForClass.Values.Sum(q => q.Count);
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
            var queue = waiting;
            if (request.Job == ChildJob.Latency)
            {
                var deviceClass = request.DeviceClass ?? throw new ArgumentException("a latency job names its device class", nameof(request));
                if (!waitingForClass.TryGetValue(deviceClass, out queue))
                {
                    waitingForClass[deviceClass] = queue = new LinkedList<TrainChild>();
                }
            }
            queue.AddLast(request with { WorkerId = "" });
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
            Heard(until);
            // What the worker no longer reports it no longer runs.
            foreach (var gone in unleased.Where(u => u.Value.WorkerId == heartbeat.WorkerId &&
                         !heartbeat.Running.Any(r => r.CampaignId == u.Key.Campaign && r.Sequence == u.Key.Sequence)).Select(u => u.Key).ToList())
            {
                unleased.Remove(gone);
            }

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
            Heard(clock.GetUtcNow() + options.LeaseGrace);
            if (leases.TryGetValue((campaignId, sequence), out var lease) && lease.Request.Attempt == attempt)
            {
                leases.Remove((campaignId, sequence));
            }

            unleased.Remove((campaignId, sequence));
        }

        return PumpAsync(cancellation);
    }

    /// <summary>
    /// A worker handed a child back. False when the child is leased to another worker: the hand-back comes from a copy of
    /// the assignment delivered twice, and the lease (and the copy that runs) stand. Otherwise its lease ends, as for an answer.
    /// </summary>
    public async Task<bool> OnReleasedAsync(string campaignId, long sequence, int attempt, string workerId, CancellationToken cancellation)
    {
        lock (gate)
        {
            if (leases.TryGetValue((campaignId, sequence), out var lease) && lease.Request.WorkerId != workerId)
            {
                return false;
            }
        }

        await OnAnsweredAsync(campaignId, sequence, attempt, cancellation);
        return true;
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
            if (now - lastHeard > Silence)
            {
                if (!silent && leases.Count > 0)
                {
                    logger.LogWarning("no worker heard from for {Seconds:0.#} s: leases are held until workers are heard again", (now - lastHeard).TotalSeconds);
                }
                silent = true;
            }
            expired = silent ? [] : leases.Values.Where(l => l.Until < now).ToList();
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

    // Three heartbeats missed by every worker at once (and never more than half a lease).
    private TimeSpan Silence => TimeSpan.FromTicks(Math.Min(3 * options.HeartbeatInterval.Ticks, options.LeaseGrace.Ticks / 2));

    /// <summary>A worker was heard from; after a silence, every lease starts a full grace period again (called under the gate).</summary>
    private void Heard(DateTimeOffset until)
    {
        lastHeard = clock.GetUtcNow();
        if (silent)
        {
            silent = false;
            foreach (var lease in leases.Values)
            {
                lease.Until = lease.Until < until ? until : lease.Until;
            }
        }
    }

    /// <summary>Assigns waiting children to free slots and sends each to its worker's queue.</summary>
    private async Task PumpAsync(CancellationToken cancellation)
    {
        var assigned = new List<TrainChild>();
        lock (gate)
        {
            // A worker's slots are held by the children leased to it here and by those it reports that no lease here covers.
            var held = leases.Values.Select(l => l.Request.WorkerId).Concat(unleased.Values.Select(u => u.WorkerId))
                .GroupBy(w => w).ToDictionary(g => g.Key, g => g.Count());
            foreach (var (deviceClass, queue) in waitingForClass)
            {
                Assign(queue, held, deviceClass, assigned);
            }
            Assign(waiting, held, null, assigned);
        }

        foreach (var request in assigned)
        {
            var endpoint = await send.GetSendEndpoint(WorkerAddress(request.WorkerId));
            await endpoint.Send(request, cancellation);
            CoordinatorMetrics.ChildDispatched();
        }
    }

    /// <summary>
    /// Where a worker's children go. On the broker, to the exchange in front of its queue: sending to the queue itself
    /// would declare it anew, without the expiry its worker gave it (refused), or after the worker is gone for good.
    /// </summary>
    private Uri WorkerAddress(string workerId)
    {
        var name = options.QueueName(WorkerIdentity.QueueName(workerId));
        return new Uri(options.Transport == RuntimeTransports.RabbitMq ? $"exchange:{name}" : $"queue:{name}");
    }

    private void Assign(LinkedList<TrainChild> queue, Dictionary<string, int> held, string? deviceClass, List<TrainChild> assigned)
    {
        while (queue.First is { } next && pool.FreestWorker(held, deviceClass) is { } worker)
        {
            queue.RemoveFirst();
            var request = next.Value with { WorkerId = worker };
            leases[(request.CampaignId, request.Sequence)] = new Lease(request, clock.GetUtcNow() + options.LeaseGrace);
            held[worker] = held.GetValueOrDefault(worker) + 1;
            assigned.Add(request);
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

        CoordinatorMetrics.Closed(this);
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
