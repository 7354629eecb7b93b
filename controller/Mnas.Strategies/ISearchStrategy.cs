using Mnas.SearchSpace.Space;

namespace Mnas.Strategies;

/// <summary>
/// A search method. It sees only the space and the engine: it submits proposals while the engine
/// has capacity and budget, consumes outcomes, updates itself, and checkpoints through the engine
/// after every update. Given the same seed, state and outcomes it proposes the same sequence.
/// </summary>
public interface ISearchStrategy
{
    string Name { get; }

    /// <summary>Runs until the budget is spent and every submitted child has come back.</summary>
    /// <param name="restoredState">The last checkpointed state of a resumed campaign, or null for a new one.</param>
    Task RunAsync(ModelSpace space, ISearchEngine engine, byte[]? restoredState, CancellationToken cancellation);
}
