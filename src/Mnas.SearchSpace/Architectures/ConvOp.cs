namespace Mnas.SearchSpace.Architectures;

/// <summary>The operation every layer of a block performs.</summary>
public enum ConvOp
{
    /// <summary>k×k convolution, BN, activation.</summary>
    Conv,

    /// <summary>Depthwise-separable: k×k depthwise, BN, activation, then 1×1 projection and BN.</summary>
    DepthwiseConv,

    /// <summary>
    /// Inverted residual: 1×1 expansion (omitted at ratio 1), k×k depthwise, optional SE, 1×1 linear projection. With
    /// <see cref="BlockSpec.Groups"/> above 1 (FBNet's grouped candidates), both 1×1 convolutions are group
    /// convolutions, the expansion is kept even at ratio 1, and the channels are shuffled right after it.
    /// </summary>
    MBConv,
}
