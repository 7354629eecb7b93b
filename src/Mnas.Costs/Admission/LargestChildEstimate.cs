using Mnas.SearchSpace.Architectures;

namespace Mnas.Costs.Admission;

/// <summary>
/// What the largest children of a search space cost, each figure at the child that maximises it: parameters (at
/// whichever view has more: the views differ only in their classifier's classes), multiply-adds and peak
/// activation bytes of one image at the target and at the proxy view, and the proxy view's peak for one training batch.
/// </summary>
public sealed record LargestChildEstimate(
    long Params,
    long TargetMacs,
    long ProxyMacs,
    long TargetPeakActivationBytes,
    long ProxyPeakActivationBytes,
    long ProxyBatchActivationBytes,
    Architecture LargestByParams);
