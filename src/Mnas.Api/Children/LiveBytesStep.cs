using Mnas.Costs.Graph;

namespace Mnas.Api.Children;

/// <summary>
/// One execution step of a child's target view, in the order its operators run: the operator's name and kind, the bytes of
/// the tensor it allocates and the bytes live while it runs (its inputs, its output and every earlier tensor a later
/// operator still reads).
/// </summary>
public sealed record LiveBytesStep(int Step, string Name, OpKind Kind, long OutputBytes, long LiveBytes);
