using Mnas.SearchSpace.Supernet;

namespace Mnas.Strategies;

/// <summary>An engine that can also train a campaign's weight-sharing supernet, for the strategies that search one (fbnet, fbnetv2, bn-nas).</summary>
public interface ISupernetEngine : ISearchEngine
{
    /// <summary>
    /// Trains the campaign's supernet on one worker — going on from its last recorded epoch, or returning the posterior
    /// of a supernet trained before (a resumed campaign) — and returns P_θ, from which the strategy draws its children.
    /// </summary>
    ValueTask<SupernetPosterior> TrainSupernetAsync(CancellationToken cancellation);

    /// <summary>Keeps the evolution a strategy ran over the trained supernet (BN-NAS), for the campaign's record; a later call replaces it.</summary>
    ValueTask RecordEvolutionAsync(SupernetEvolution evolution, CancellationToken cancellation);
}
