namespace Mnas.Costs.Memory;

/// <summary>
/// One step of a computation for lifetime analysis: the node <see cref="Id"/> reads the outputs of
/// the nodes in <see cref="Inputs"/> (all earlier) and allocates <see cref="OutputBytes"/>. The network
/// input is a node too, with no inputs.
/// </summary>
public sealed record TensorNode(int Id, IReadOnlyList<int> Inputs, long OutputBytes);
