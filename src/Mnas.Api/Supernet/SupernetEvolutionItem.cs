namespace Mnas.Api.Supernet;

/// <summary>
/// The evolution a bn-nas campaign searched over its trained supernet's BN indicator: every iteration's figures, and the
/// subnets it chose, as it recorded them, which the campaign trains from scratch as children.
/// </summary>
public sealed record SupernetEvolutionItem(IReadOnlyList<EvolutionIterationItem> Iterations, IReadOnlyList<EvolvedSubnetItem> Chosen);
