using Microsoft.Extensions.Logging;
using Mnas.Grains.Contracts;

namespace Mnas.Grains.Campaigns;

/// <summary>
/// A campaign's jobs and the workers they run on: jobs wait in a queue until the directory holds a slot for them on a
/// worker of their class and that worker takes them. Used from the campaign's grain only, one turn at a time: no locks.
/// </summary>
/// <remarks>
/// One pass hands out jobs in queue order, skipping the classes found full in that pass; a pass asked for while one runs
/// is run after it. A job whose worker refused it or could not be reached stays queued for the next pass.
/// </remarks>
internal sealed class ChildAssignments(string campaignId, IGrainFactory grains, ILogger logger)
{
    private static readonly TimeSpan AssignTimeout = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan DirectoryRetry = TimeSpan.FromMilliseconds(250);
    private readonly List<TrainChild> queued = [];
    private readonly Dictionary<long, Assigned> running = [];
    private bool pumping;
    private bool pumpAgain;

    /// <summary>The classes whose jobs found no live worker at all in the last pass (null: any class).</summary>
    public IReadOnlySet<string?> Starved => starved;

    private readonly HashSet<string?> starved = [];

    public int Queued => queued.Count;

    public int Running => running.Count;

    public IReadOnlyCollection<Assigned> InFlight => running.Values;

    private IWorkerDirectoryGrain Directory => grains.GetGrain<IWorkerDirectoryGrain>(0);

    /// <summary>Queues the job (replacing any earlier job of its child) and hands out what it can.</summary>
    public Task SendAsync(TrainChild job)
    {
        queued.RemoveAll(j => j.Sequence == job.Sequence);
        queued.Add(job);
        return PumpAsync();
    }

    /// <summary>
    /// Takes over a job a worker still runs, or has finished and not yet answered (by the workers' announcements): true
    /// when one does. Waits, while the directory is newly active, until it has heard from every live worker.
    /// </summary>
    public async Task<bool> TryAdoptAsync(long sequence, int attempt, CancellationToken cancellation)
    {
        RunnerLookup? lookup = null;
        while (lookup is not { Complete: true })
        {
            if (lookup != null)
            {
                await Task.Delay(DirectoryRetry, cancellation);
            }
            lookup = await TryDirectoryAsync(() => Directory.Runner(campaignId, sequence, attempt), "who runs a child") ?? new RunnerLookup(null, false);
        }
        if (lookup.Runner is not { } slot)
        {
            return false;
        }
        running[sequence] = new Assigned(new TrainChild(campaignId, sequence, attempt, "", "", slot.WorkerId), slot);
        return true;
    }

    /// <summary>
    /// The job this answer is for, if it is the one running: it is taken off its worker and its slot freed. Null for an
    /// answer from a worker other than the one the job was given to (that answer is to be ignored); an answer for a
    /// job not known here (a campaign resumed meanwhile) passes with an empty worker.
    /// </summary>
    public async Task<Assigned?> FinishAsync(long sequence, int attempt, string workerId)
    {
        if (!running.TryGetValue(sequence, out var assigned))
        {
            return new Assigned(new TrainChild(campaignId, sequence, attempt, "", "", workerId), null);
        }
        if (assigned.Job.Attempt != attempt || (workerId.Length > 0 && assigned.Job.WorkerId != workerId))
        {
            return null;
        }
        running.Remove(sequence);
        await ReleaseAsync(assigned);
        return assigned;
    }

    /// <summary>
    /// Whether an answer that does not end the job (a supernet's epoch) comes from the attempt and worker the job runs as
    /// here; one for a job not known here (a campaign resumed meanwhile, not yet adopting it) passes.
    /// </summary>
    public bool MayAnswer(long sequence, int attempt, string workerId) =>
        !running.TryGetValue(sequence, out var assigned) || (assigned.Job.Attempt == attempt && (workerId.Length == 0 || assigned.Job.WorkerId == workerId));

    /// <summary>
    /// The jobs running on workers the directory no longer lists (their silo died, or they went silent): taken off them.
    /// None while the directory is newly active (a worker it has not heard from yet is not gone) or cannot be reached.
    /// </summary>
    public async Task<IReadOnlyList<Assigned>> TakeLostAsync()
    {
        if (running.Count == 0 || await TryDirectoryAsync(Directory.Roster, "the live workers") is not { Complete: true } roster)
        {
            return [];
        }
        var alive = roster.Workers.Select(w => w.WorkerId).ToHashSet(StringComparer.Ordinal);
        var lost = running.Values.Where(a => !alive.Contains(a.Job.WorkerId)).ToList();
        foreach (var job in lost)
        {
            running.Remove(job.Job.Sequence);
        }
        return lost;
    }

    /// <summary>Forgets every job (the campaign stops here); their slots are freed.</summary>
    public async Task ClearAsync()
    {
        queued.Clear();
        var held = running.Values.ToList();
        running.Clear();
        foreach (var job in held)
        {
            await ReleaseAsync(job);
        }
    }

    public async Task PumpAsync()
    {
        if (pumping)
        {
            pumpAgain = true;
            return;
        }
        pumping = true;
        try
        {
            do
            {
                pumpAgain = false;
                try
                {
                    await PassAsync();
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // The directory cannot be reached now (its silo is dying): the jobs stay queued for the campaign's next tick.
                    logger.LogWarning("campaign {Campaign}: jobs could not be handed out now: {Error}; trying again shortly", campaignId, e.Message);
                    return;
                }
            }
            while (pumpAgain);
        }
        finally
        {
            pumping = false;
        }
    }

    private async Task PassAsync()
    {
        var full = new HashSet<string?>();
        starved.Clear();
        foreach (var job in queued.ToList())
        {
            if (full.Contains(job.DeviceClass) || !queued.Contains(job))
            {
                continue;
            }
            var slot = await Directory.Reserve(new SlotRequest(campaignId, job.Sequence, job.Attempt, job.DeviceClass));
            if (slot == null)
            {
                full.Add(job.DeviceClass);
                if ((await Directory.Census(job.DeviceClass)).Workers == 0)
                {
                    starved.Add(job.DeviceClass);
                }
                continue;
            }
            var place = queued.IndexOf(job);
            if (place < 0)
            {
                // Replaced or dropped while the slot was reserved.
                await Directory.Release(slot.WorkerId, campaignId, job.Sequence, job.Attempt);
                continue;
            }
            // Running from before the worker's reply: its answer may come back first, between this pass's turns.
            queued.RemoveAt(place);
            var assigned = new Assigned(job with { WorkerId = slot.WorkerId }, slot);
            running[job.Sequence] = assigned;
            if (await AssignAsync(assigned.Job, slot) is Assignment.Accepted or Assignment.AlreadyRunning)
            {
                CampaignMetrics.ChildDispatched();
                continue;
            }
            if (running.TryGetValue(job.Sequence, out var current) && ReferenceEquals(current, assigned))
            {
                running.Remove(job.Sequence);
                if (!queued.Any(j => j.Sequence == job.Sequence))
                {
                    queued.Insert(Math.Min(place, queued.Count), job);
                }
            }
            await Directory.Release(slot.WorkerId, campaignId, job.Sequence, job.Attempt, refused: true);
        }
    }

    private async Task<Assignment> AssignAsync(TrainChild job, WorkerSlot slot)
    {
        try
        {
            return await grains.GetGrain<IWorkerGrain>(slot.WorkerId).Assign(job).WaitAsync(AssignTimeout);
        }
        catch (Exception e)
        {
            logger.LogWarning("campaign {Campaign}: worker {Worker} could not take child {Sequence}: {Error}", campaignId, slot.WorkerId, job.Sequence,
                e.Message);
            return Assignment.Refused;
        }
    }

    /// <summary>Frees the job's slot; best effort, for the worker's next announcement frees it too.</summary>
    private async Task ReleaseAsync(Assigned assigned)
    {
        if (assigned.Slot == null)
        {
            return;
        }
        try
        {
            await Directory.Release(assigned.Slot.WorkerId, campaignId, assigned.Job.Sequence, assigned.Job.Attempt);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning("campaign {Campaign}: the worker directory could not take a slot's release: {Error}", campaignId, e.Message);
        }
    }

    /// <summary>A directory call, or null (logged) when the directory cannot be reached now.</summary>
    private async Task<T?> TryDirectoryAsync<T>(Func<Task<T>> call, string what) where T : class
    {
        try
        {
            return await call();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning("campaign {Campaign}: the worker directory could not answer ({What}): {Error}", campaignId, what, e.Message);
            return null;
        }
    }
}

/// <summary>A job given to a worker, and the slot it holds there (null when the job is not known here).</summary>
internal sealed record Assigned(TrainChild Job, WorkerSlot? Slot);
