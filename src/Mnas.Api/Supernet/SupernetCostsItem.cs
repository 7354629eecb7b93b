namespace Mnas.Api.Supernet;

/// <summary>
/// A single-path supernet's cost table (bn-nas): the fixed part's costs (stem, head, classifier) and each candidate's at
/// each searchable layer ([layer][candidate], in the order of the candidates; null where the layer does not offer it).
/// A subnet costs the fixed part plus its layers' candidates; its peak activation is the largest of theirs.
/// </summary>
public sealed record SupernetCostsItem(SupernetCostItem Fixed, IReadOnlyList<IReadOnlyList<SupernetCostItem?>> Layers);
