namespace Mnas.SearchSpace.Architectures;

/// <summary>The operation every layer of a block performs.</summary>
public enum ConvOp
{
    /// <summary>k×k convolution, BN, activation.</summary>
    Conv,

    /// <summary>Depthwise-separable: k×k depthwise, BN, activation, then 1×1 projection and BN.</summary>
    DepthwiseConv,

    /// <summary>Inverted residual: 1×1 expansion (omitted at ratio 1), k×k depthwise, optional SE, 1×1 linear projection.</summary>
    MBConv,
}
