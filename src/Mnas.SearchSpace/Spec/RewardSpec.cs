namespace Mnas.SearchSpace.Spec;

/// <summary>
/// MnasNet's reward R = ACC · (LAT / T)^w with w = <see cref="Alpha"/> when LAT ≤ T and <see cref="Beta"/> otherwise.
/// Defaults: T = 75 ms, α = β = −0.07 (the soft constraint); α = 0, β = −1 is the hard one.
/// </summary>
public sealed record RewardSpec
{
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
