namespace Mnas.Costs.Memory;

/// <summary>The most bytes live at once, and the node (by id and by step) during which that first happens.</summary>
public sealed record PeakActivation(long Bytes, int NodeId, int Step);
