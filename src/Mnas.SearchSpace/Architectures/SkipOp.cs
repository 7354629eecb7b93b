namespace Mnas.SearchSpace.Architectures;

/// <summary>The shortcut around each layer of a block.</summary>
public enum SkipOp
{
    None,

    /// <summary>Identity residual, on the layers whose input and output shapes match (others get none).</summary>
    Identity,

    /// <summary>
    /// Identity where shapes match; elsewhere a pooled projection: average pooling with the layer's
    /// stride, then a 1×1 convolution and BN when the channel count changes.
    /// </summary>
    Pooling,
}
