using Mnas.Grains.Contracts;
using Orleans.Placement;

namespace Mnas.Grains.Workers;

/// <summary>
/// One worker (key: its id). Its worker activates it from its own silo when it starts, and local placement keeps it
/// there; an activation anywhere else (the worker's silo died, a call made it elsewhere) finds no worker and refuses
/// every child. It holds no state of its own: the worker it fronts runs the children off the scheduler.
/// </summary>
[PreferLocalPlacement]
[CollectionAgeLimit(AlwaysActive = true)]
public sealed class WorkerGrain(LocalWorkers local) : Grain, IWorkerGrain
{
    public Task<Assignment> Assign(TrainChild job)
    {
        if (local.Find(this.GetPrimaryKeyString()) is not { } agent)
        {
            DeactivateOnIdle();
            return Task.FromResult(Assignment.Refused);
        }
        return Task.FromResult(agent.TryAccept(job));
    }

    public Task<bool> Attach() => Task.FromResult(local.Find(this.GetPrimaryKeyString()) != null);
}
