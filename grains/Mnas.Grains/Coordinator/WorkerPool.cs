using Mnas.Grains.Contracts;

namespace Mnas.Grains.Coordinator;

/// <summary>
/// The workers the coordinator knows of, from their heartbeats (timed by the coordinator's own clock, not the
/// workers'). A worker not heard from for the lease grace is lost and forgotten; one that says it is stopping gets
/// no more children.
/// </summary>
public sealed class WorkerPool(RuntimeOptions options, TimeProvider clock)
{
    private readonly object gate = new();
    private readonly Dictionary<string, KnownWorker> workers = new(StringComparer.Ordinal);
    private TaskCompletionSource someWorker = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Records a heartbeat; false when it comes from a worker already given up for lost (it is known again from now on).</summary>
    public bool Observe(WorkerHeartbeat heartbeat)
    {
        ArgumentNullException.ThrowIfNull(heartbeat);
        lock (gate)
        {
            var known = workers.ContainsKey(heartbeat.WorkerId);
            workers[heartbeat.WorkerId] = new KnownWorker(heartbeat, clock.GetUtcNow());
            if (!heartbeat.Stopping)
            {
                someWorker.TrySetResult();
            }

            return known;
        }
    }

    /// <summary>Every known worker and when it was last heard from, by id.</summary>
    public IReadOnlyList<KnownWorker> Snapshot()
    {
        lock (gate)
        {
            return workers.Values.OrderBy(w => w.Heartbeat.WorkerId, StringComparer.Ordinal).ToArray();
        }
    }

    /// <summary>Workers heard from within the lease grace (stopping ones included).</summary>
    public int AliveCount
    {
        get
        {
            lock (gate)
            {
                var now = clock.GetUtcNow();
                return workers.Values.Count(w => Alive(w, now));
            }
        }
    }

    /// <summary>Slots of the workers that take children now (alive and not stopping).</summary>
    public int LiveSlots
    {
        get
        {
            lock (gate)
            {
                var now = clock.GetUtcNow();
                return workers.Values.Where(w => Takes(w, now)).Sum(w => w.Heartbeat.Slots);
            }
        }
    }

    /// <summary>
    /// The worker with the most free slots given how many children each already holds (ties by id), only among those of
    /// <paramref name="deviceClass"/> when given; or null.
    /// </summary>
    public string? FreestWorker(IReadOnlyDictionary<string, int> held, string? deviceClass = null)
    {
        lock (gate)
        {
            var now = clock.GetUtcNow();
            return workers.Values
                .Where(w => Takes(w, now) && (deviceClass == null || w.Heartbeat.DeviceClass == deviceClass))
                .Select(w => (Id: w.Heartbeat.WorkerId, Free: w.Heartbeat.Slots - held.GetValueOrDefault(w.Heartbeat.WorkerId)))
                .Where(w => w.Free > 0)
                .OrderByDescending(w => w.Free)
                .ThenBy(w => w.Id, StringComparer.Ordinal)
                .Select(w => w.Id)
                .FirstOrDefault();
        }
    }

    /// <summary>Whether a worker of <paramref name="deviceClass"/> takes children now.</summary>
    public bool HasClass(string deviceClass)
    {
        lock (gate)
        {
            var now = clock.GetUtcNow();
            return workers.Values.Any(w => Takes(w, now) && w.Heartbeat.DeviceClass == deviceClass);
        }
    }

    /// <summary>Forgets and returns the workers not heard from for the lease grace, and those that said they stopped.</summary>
    public IReadOnlyList<string> RemoveGone()
    {
        lock (gate)
        {
            var now = clock.GetUtcNow();
            var gone = workers.Values.Where(w => !Alive(w, now) || (w.Heartbeat.Stopping && w.Heartbeat.Running.Count == 0))
                .Select(w => w.Heartbeat.WorkerId).ToArray();
            foreach (var id in gone)
            {
                workers.Remove(id);
            }

            if (!workers.Values.Any(w => Takes(w, now)) && someWorker.Task.IsCompleted)
            {
                someWorker = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            }

            return gone;
        }
    }

    /// <summary>Completes once at least one worker takes children.</summary>
    public Task WaitForWorkersAsync(CancellationToken cancellation)
    {
        lock (gate)
        {
            return someWorker.Task.WaitAsync(cancellation);
        }
    }

    private bool Alive(KnownWorker worker, DateTimeOffset now) => now - worker.SeenAt <= options.LeaseGrace;

    private bool Takes(KnownWorker worker, DateTimeOffset now) => Alive(worker, now) && !worker.Heartbeat.Stopping;
}

/// <summary>A worker's last heartbeat and when the coordinator received it.</summary>
public sealed record KnownWorker(WorkerHeartbeat Heartbeat, DateTimeOffset SeenAt);
