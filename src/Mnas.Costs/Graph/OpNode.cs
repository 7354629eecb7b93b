namespace Mnas.Costs.Graph;

/// <summary>
/// One operator of a <see cref="LayerGraph"/>. <see cref="Id"/> is also its position in execution
/// order; <see cref="Inputs"/> are ids of earlier nodes. <see cref="Params"/> and <see cref="Macs"/>
/// follow <see cref="OpCosts"/>: only convolutions and the linear layer have multiply-adds.
/// </summary>
public sealed record OpNode(int Id, string Name, OpKind Kind, IReadOnlyList<int> Inputs, TensorShape Output, long Params, long Macs)
{
    /// <summary>Bytes of the output tensor at batch size 1 (float32).</summary>
    public long OutputBytes => Output.Bytes;
}
