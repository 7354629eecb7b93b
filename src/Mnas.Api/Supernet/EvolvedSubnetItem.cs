namespace Mnas.Api.Supernet;

/// <summary>A subnet the evolution chose: its architecture (the name its child goes by), its indicator score and its costs by the supernet's cost table.</summary>
public sealed record EvolvedSubnetItem(string Architecture, double Score, SupernetCostItem Costs);
