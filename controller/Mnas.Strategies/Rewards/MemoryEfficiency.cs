using Mnas.Costs.Memory;

namespace Mnas.Strategies.Rewards;

/// <summary>
/// MemNAS's memory efficiency of a network against a base one:
/// y = λ·(a − a_base)/a_base − (1 − λ)·[(r − r_base)/r_base + (p − p_base)/p_base], with a the accuracy, r the peak
/// activation bytes and p the parameter bytes. Positive is better than the base; λ = 1 is accuracy alone.
/// </summary>
public static class MemoryEfficiency
{
    /// <summary>The efficiency; not finite when the base's accuracy or memory is 0 (callers treat that as a failure).</summary>
    public static double Of(double lambda, double accuracy, MemoryFootprint memory, double baseAccuracy, MemoryFootprint baseMemory)
    {
        ArgumentNullException.ThrowIfNull(memory);
        ArgumentNullException.ThrowIfNull(baseMemory);
        return lambda * (accuracy - baseAccuracy) / baseAccuracy - (1 - lambda) * MemoryChange(memory, baseMemory);
    }

    /// <summary>The memory part without its weight: (r − r_base)/r_base + (p − p_base)/p_base.</summary>
    public static double MemoryChange(MemoryFootprint memory, MemoryFootprint baseMemory) =>
        (double)(memory.PeakActivationBytes - baseMemory.PeakActivationBytes) / baseMemory.PeakActivationBytes +
        (double)(memory.ParamBytes - baseMemory.ParamBytes) / baseMemory.ParamBytes;
}
