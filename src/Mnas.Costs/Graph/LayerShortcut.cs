namespace Mnas.Costs.Graph;

/// <summary>
/// The shortcut a block layer actually gets, once its <see cref="Mnas.SearchSpace.Architectures.SkipOp"/>
/// meets its shapes.
/// </summary>
public enum LayerShortcut
{
    /// <summary>No shortcut: SkipOp.None, or SkipOp.Identity on a layer whose shape changes.</summary>
    None,

    /// <summary>The input is added to the output (stride 1 and Cin = Cout; Identity or Pooling).</summary>
    Identity,

    /// <summary>
    /// SkipOp.Pooling on a layer whose shape changes: average pooling (kernel = stride, ceil mode,
    /// omitted at stride 1), then a 1×1 convolution and BN when Cin ≠ Cout, then the add.
    /// </summary>
    Pooled,
}
