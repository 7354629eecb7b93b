namespace Mnas.SearchSpace.Spec;

/// <summary>
/// A child's reward. <see cref="Kind"/> <c>latency</c> (the default) is MnasNet's R = ACC · (LAT / T)^w with w =
/// <see cref="Alpha"/> when LAT ≤ T and <see cref="Beta"/> otherwise (defaults: T = 75 ms, α = β = −0.07, the soft
/// constraint; α = 0, β = −1 is the hard one). <c>memory</c> is MemNAS's memory efficiency against a reference network:
/// R = λ·(a − a_ref)/a_ref − (1 − λ)·[(r − r_ref)/r_ref + (p − p_ref)/p_ref], with a the proxy accuracy, r the peak
/// activation bytes (lifetime analysis) and p the parameter bytes of the target view, λ = <see cref="MemoryLambda"/>, the
/// reference's memory that of <see cref="MemoryReference"/> and its accuracy <see cref="ReferenceAccuracy"/>.
/// A <c>memnas</c> campaign compares each candidate with its round's base network by the same formula and λ.
/// </summary>
public sealed record RewardSpec
{
    public const string LatencyKind = "latency";
    public const string MemoryKind = "memory";

    public static IReadOnlyList<string> Kinds { get; } = [LatencyKind, MemoryKind];

    /// <summary><c>latency</c> (MnasNet's ACC·(LAT/T)^w) or <c>memory</c> (MemNAS's memory efficiency).</summary>
    public string Kind { get; init; } = LatencyKind;

    /// <summary>λ of the memory efficiency: 1 is accuracy only, 0 memory only.</summary>
    public double MemoryLambda { get; init; } = 0.5;

    /// <summary>The network memory is compared with: <c>mobilenet_v2</c>, <c>smallest</c> or a sample of the space (see <c>NamedSamples</c>).</summary>
    public string MemoryReference { get; init; } = "mobilenet_v2";

    /// <summary>a_ref of the memory reward: 1 makes the accuracy term the relative shortfall from a perfect score.</summary>
    public double ReferenceAccuracy { get; init; } = 1.0;

    public double LatencyTargetMs { get; init; } = 75;

    public double Alpha { get; init; } = -0.07;

    public double Beta { get; init; } = -0.07;

    /// <summary>The reward of a child with this accuracy and latency.</summary>
    public double Reward(double accuracy, double latencyMs)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(latencyMs);
        var exponent = latencyMs <= LatencyTargetMs ? Alpha : Beta;
        return accuracy * Math.Pow(latencyMs / LatencyTargetMs, exponent);
    }
}
