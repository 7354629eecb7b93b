namespace Mnas.Costs.Graph;

/// <summary>What an <see cref="OpNode"/> computes.</summary>
public enum OpKind
{
    /// <summary>The network input image; the first node of every graph.</summary>
    Input,

    /// <summary>
    /// Convolution, k×k or 1×1, with or without bias: dense, or grouped (FBNet's grouped 1×1 convolutions, whose
    /// parameters and multiply-adds are the dense ones over the groups).
    /// </summary>
    Conv,

    /// <summary>k×k depthwise convolution (groups = channels), no bias.</summary>
    DepthwiseConv,

    /// <summary>Inference BatchNorm: weight and bias per channel are parameters; running statistics are not.</summary>
    BatchNorm,

    /// <summary>The architecture's activation (ReLU, ReLU6 or Hardswish).</summary>
    Activation,

    /// <summary>The squeeze-and-excitation gate.</summary>
    Sigmoid,

    /// <summary>Element-wise sum of two tensors of the same shape (a residual connection).</summary>
    Add,

    /// <summary>Channel-wise scaling of a C×H×W tensor by a C×1×1 gate (squeeze-and-excitation).</summary>
    Mul,

    /// <summary>Average pooling with kernel = stride and ceil mode (the pooled shortcut).</summary>
    AvgPool,

    /// <summary>Global average pooling to C×1×1.</summary>
    GlobalAvgPool,

    /// <summary>Fully connected layer with bias (the classifier).</summary>
    Linear,
}
