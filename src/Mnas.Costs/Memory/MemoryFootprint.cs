using Mnas.SearchSpace.Architectures;

namespace Mnas.Costs.Memory;

/// <summary>
/// What a network needs in memory at inference (batch 1, float32): its parameters and the peak of its live intermediate
/// tensors by lifetime analysis. MemNAS's objective is their sum.
/// </summary>
public sealed record MemoryFootprint(long ParamBytes, long PeakActivationBytes)
{
    public long TotalBytes => ParamBytes + PeakActivationBytes;

    public static MemoryFootprint Of(Architecture architecture)
    {
        var costs = CostAnalysis.Analyze(architecture);
        return new MemoryFootprint(costs.ParamBytes, costs.PeakActivationBytes);
    }
}
