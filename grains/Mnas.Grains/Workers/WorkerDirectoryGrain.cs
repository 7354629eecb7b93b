using Microsoft.Extensions.Logging;
using Mnas.Campaigns;
using Mnas.Grains.Contracts;
using Mnas.Store;
using Mnas.Grains.Hosting;
using Orleans.Runtime;
using Orleans.Runtime.MembershipService.SiloMetadata;

namespace Mnas.Grains.Workers;

/// <summary>
/// The cluster's workers and the slots campaigns hold on them (one grain, key 0, on a controller silo).
/// </summary>
/// <remarks>
/// State, all rebuilt from the workers' announcements after a new activation: each worker's last announcement and when
/// it came, the slots held on it (a campaign's reservation, or a child it reports running), and the campaigns waiting
/// for a slot of each class. A worker whose silo the cluster declared dead, or that has not announced itself for
/// <see cref="Silence"/>, is dropped: the campaigns take its children back. Its lists are complete once every active silo
/// whose metadata gives it worker slots has announced a worker, or once it has been active for <see cref="Silence"/>:
/// until then a live worker may not have been heard yet, so absence proves nothing. It writes the worker list to the
/// store for the API every few announce intervals.
/// </remarks>
[CollectionAgeLimit(AlwaysActive = true)]
public sealed class WorkerDirectoryGrain(IClusterMembershipService membership, ISiloMetadataCache metadata, RuntimeOptions options,
    ILogger<WorkerDirectoryGrain> logger, IServiceProvider services) : Grain, IWorkerDirectoryGrain
{
    // A reservation the worker has not reported running yet is kept this long (the assignment is on its way).
    private static readonly TimeSpan ReservationGrace = TimeSpan.FromSeconds(10);
    private readonly Dictionary<string, KnownWorker> workers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<string>> waiting = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DateTimeOffset> firstSeen = new(StringComparer.Ordinal);
    private DateTimeOffset lastRecorded;
    private DateTimeOffset activatedAt;

    /// <summary>A worker not heard from for this long is taken for gone: five announce intervals, at least 5 s.</summary>
    private TimeSpan Silence => TimeSpan.FromTicks(Math.Max(TimeSpan.FromSeconds(5).Ticks, 5 * options.AnnounceInterval.Ticks));

    private bool Complete
    {
        get
        {
            var now = DateTimeOffset.UtcNow;
            if (now - activatedAt >= Silence)
            {
                return true;
            }
            var heard = workers.Values.Where(w => Alive(w, now)).Select(w => w.Announcement.Silo).ToHashSet();
            return membership.CurrentSnapshot.Members.Values
                .Where(m => m.Status == SiloStatus.Active && HostsWorkers(m.SiloAddress))
                .All(m => heard.Contains(m.SiloAddress));
        }
    }

    /// <summary>By its metadata; a silo whose metadata is not known here yet counts as hosting workers.</summary>
    private bool HostsWorkers(SiloAddress silo) =>
        !metadata.GetSiloMetadata(silo).Metadata.TryGetValue(SiloMetadataKeys.Slots, out var slots) || slots != "0";

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        activatedAt = DateTimeOffset.UtcNow;
        this.RegisterGrainTimer(SweepAsync, options.AnnounceInterval, options.AnnounceInterval);
        return Task.CompletedTask;
    }

    public Task Announce(WorkerAnnouncement worker)
    {
        var now = DateTimeOffset.UtcNow;
        var isNew = !workers.TryGetValue(worker.WorkerId, out var known);
        if (known != null && worker.SentAt < known.Announcement.SentAt)
        {
            // Overtaken by a later one of the same worker: it would list children that have finished since.
            return Task.CompletedTask;
        }
        known ??= new KnownWorker();
        // A child it reported running before and no longer does is finished: its slot is free now, grace or not (a
        // campaign's release may have come before the announcement that still listed it).
        var finished = isNew ? [] : known.Announcement.Running.Select(r => new HeldSlot(r.CampaignId, r.Sequence, r.Attempt)).ToHashSet();
        known.Announcement = worker;
        known.SeenAt = now;
        known.Refused = false;
        firstSeen.TryAdd(worker.WorkerId, now);
        var running = worker.Running.Where(r => !r.Finished).Select(r => new HeldSlot(r.CampaignId, r.Sequence, r.Attempt)).ToHashSet();
        finished.UnionWith(worker.Running.Where(r => r.Finished).Select(r => new HeldSlot(r.CampaignId, r.Sequence, r.Attempt)));
        foreach (var slot in known.Held.Keys.Where(h => !running.Contains(h) && (finished.Contains(h) || now - known.Held[h] > ReservationGrace)).ToList())
        {
            known.Held.Remove(slot);
        }
        foreach (var slot in running)
        {
            known.Held.TryAdd(slot, now);
        }
        workers[worker.WorkerId] = known;
        if (isNew)
        {
            logger.LogInformation("worker {Worker} joined: device class {Class}, {Slots} slot(s), on silo {Silo}", worker.WorkerId, worker.DeviceClass,
                worker.Slots, worker.Silo);
        }
        if (Takes(known, now) && Free(known) > 0)
        {
            NotifyWaiting(worker.DeviceClass);
        }
        return Task.CompletedTask;
    }

    public Task Leave(string workerId)
    {
        if (workers.Remove(workerId))
        {
            logger.LogInformation("worker {Worker} left", workerId);
        }
        return Task.CompletedTask;
    }

    public Task<WorkerSlot?> Reserve(SlotRequest request)
    {
        var now = DateTimeOffset.UtcNow;
        var key = new HeldSlot(request.CampaignId, request.Sequence, request.Attempt);
        var chosen = workers.Values
            .Where(w => Takes(w, now) && (request.DeviceClass == null || w.Announcement.DeviceClass == request.DeviceClass))
            .Select(w => (Worker: w, Free: Free(w)))
            .Where(w => w.Free > 0)
            .OrderByDescending(w => w.Free)
            .ThenBy(w => w.Worker.Announcement.WorkerId, StringComparer.Ordinal)
            .Select(w => w.Worker)
            .FirstOrDefault();
        if (chosen == null)
        {
            var key2 = request.DeviceClass ?? "";
            if (!waiting.TryGetValue(key2, out var campaigns))
            {
                waiting[key2] = campaigns = new HashSet<string>(StringComparer.Ordinal);
            }
            campaigns.Add(request.CampaignId);
            return Task.FromResult<WorkerSlot?>(null);
        }
        chosen.Held[key] = now;
        return Task.FromResult<WorkerSlot?>(new WorkerSlot(chosen.Announcement.WorkerId, chosen.Announcement.Silo));
    }

    public Task Release(string workerId, string campaignId, long sequence, int attempt, bool refused = false)
    {
        if (workers.TryGetValue(workerId, out var worker))
        {
            worker.Held.Remove(new HeldSlot(campaignId, sequence, attempt));
            worker.Refused |= refused;
            if (!refused)
            {
                NotifyWaiting(worker.Announcement.DeviceClass);
            }
        }
        return Task.CompletedTask;
    }

    public Task<SlotCensus> Census(string? deviceClass)
    {
        var now = DateTimeOffset.UtcNow;
        var live = workers.Values.Where(w => Alive(w, now) && !w.Announcement.Stopping &&
            (deviceClass == null || w.Announcement.DeviceClass == deviceClass)).ToList();
        return Task.FromResult(new SlotCensus(deviceClass, live.Count, live.Sum(w => w.Announcement.Slots)));
    }

    public Task<RunnerLookup> Runner(string campaignId, long sequence, int attempt)
    {
        var now = DateTimeOffset.UtcNow;
        var runner = workers.Values.Select(w => (Worker: w, Child: w.Announcement.Running.FirstOrDefault(r =>
                r.CampaignId == campaignId && r.Sequence == sequence && r.Attempt == attempt)))
            .FirstOrDefault(w => w.Child != null && Alive(w.Worker, now));
        if (runner.Child is { Finished: false })
        {
            runner.Worker.Held[new HeldSlot(campaignId, sequence, attempt)] = now;
        }
        var slot = runner.Worker == null ? null : new WorkerSlot(runner.Worker.Announcement.WorkerId, runner.Worker.Announcement.Silo);
        return Task.FromResult(new RunnerLookup(slot, Complete));
    }

    public Task<WorkerRoster> Roster()
    {
        var now = DateTimeOffset.UtcNow;
        return Task.FromResult(new WorkerRoster(workers.Values.Where(w => Alive(w, now)).Select(w => w.Announcement)
            .OrderBy(w => w.WorkerId, StringComparer.Ordinal).ToList(), Complete));
    }

    private async Task SweepAsync(CancellationToken cancellation)
    {
        var now = DateTimeOffset.UtcNow;
        foreach (var gone in workers.Values.Where(w => !Alive(w, now)).ToList())
        {
            var reason = SiloDead(gone) ? $"its silo {gone.Announcement.Silo} was declared dead" : $"silent for {Silence.TotalSeconds:0} s";
            logger.LogWarning("worker {Worker} is gone: {Reason}", gone.Announcement.WorkerId, reason);
            workers.Remove(gone.Announcement.WorkerId);
        }
        Campaigns.CampaignMetrics.WorkersAlive(workers.Count);
        if (now - lastRecorded >= 5 * options.AnnounceInterval && services.GetService(typeof(ICampaignStore)) is ICampaignStore store)
        {
            lastRecorded = now;
            await RecordAsync(store, cancellation);
        }
    }

    /// <summary>The workers as the API lists them; a store that cannot take them now is tried again next time.</summary>
    private async Task RecordAsync(ICampaignStore store, CancellationToken cancellation)
    {
        try
        {
            foreach (var worker in workers.Values)
            {
                var a = worker.Announcement;
                await store.RecordWorkerAsync(new WorkerStatus(a.WorkerId, a.DeviceClass, a.Device, a.Threads, a.Slots,
                    a.Running.Where(r => !r.Finished).Select(r => new WorkerChild(r.CampaignId, r.Sequence, r.Attempt, r.Job.ToString().ToLowerInvariant())).ToList(),
                    a.Stopping, firstSeen[a.WorkerId], worker.SeenAt), cancellation);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning("the worker list could not be written to the store: {Error}", e.Message);
        }
    }

    private void NotifyWaiting(string deviceClass)
    {
        foreach (var key in new[] { deviceClass, "" })
        {
            if (waiting.Remove(key, out var campaigns))
            {
                foreach (var campaign in campaigns)
                {
                    GrainFactory.GetGrain<ICampaignGrain>(campaign).SlotsFreed().Ignore();
                }
            }
        }
    }

    private static int Free(KnownWorker worker) => worker.Announcement.Slots - worker.Held.Count;

    private bool Takes(KnownWorker worker, DateTimeOffset now) => Alive(worker, now) && !worker.Announcement.Stopping && !worker.Refused;

    private bool Alive(KnownWorker worker, DateTimeOffset now) => now - worker.SeenAt <= Silence && !SiloDead(worker);

    private bool SiloDead(KnownWorker worker) => membership.CurrentSnapshot.GetSiloStatus(worker.Announcement.Silo) == SiloStatus.Dead;

    private sealed class KnownWorker
    {
        public WorkerAnnouncement Announcement { get; set; } = null!;

        public DateTimeOffset SeenAt { get; set; }

        /// <summary>It refused a child: it gets none until it announces itself again.</summary>
        public bool Refused { get; set; }

        public Dictionary<HeldSlot, DateTimeOffset> Held { get; } = [];
    }

    private readonly record struct HeldSlot(string CampaignId, long Sequence, int Attempt);
}
