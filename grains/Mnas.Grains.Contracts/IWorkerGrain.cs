namespace Mnas.Grains.Contracts;

/// <summary>
/// One worker (key: its id), living on its worker's silo: takes a child into a free slot and returns at once; training
/// runs off the scheduler and the result comes back to the campaign by a call of its own.
/// </summary>
public interface IWorkerGrain : IGrainWithStringKey
{
    Task<Assignment> Assign(TrainChild job);

    /// <summary>Activates the grain (called by its worker, from its silo): true when the activation found its worker.</summary>
    Task<bool> Attach();
}
