using Mnas.SearchSpace.Supernet;

namespace Mnas.Strategies.BnNas;

/// <summary>
/// What the evolution found: its record (per iteration, and the chosen subnets best first) and, in the same order as
/// <see cref="SupernetEvolution.Chosen"/>, each chosen subnet's candidate index at every layer.
/// </summary>
public sealed record EvolutionResult(SupernetEvolution Evolution, IReadOnlyList<IReadOnlyList<int>> Choices)
{
    /// <summary>The chosen subnets as children to train: architecture = the child name, tokens = the candidate indices.</summary>
    public IReadOnlyList<Proposal> Proposals() =>
        Evolution.Chosen.Select((subnet, i) => new Proposal(subnet.Architecture, Choices[i], 0, 0)).ToList();
}
