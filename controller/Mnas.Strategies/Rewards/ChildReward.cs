using Mnas.SearchSpace.Spec;

namespace Mnas.Strategies.Rewards;

/// <summary>
/// A child's reward as an <see cref="Outcome"/> carries it: a finite number, and whether the child failed.
/// A failed child's reward is 0 here; <see cref="FailureOptions"/> decides whether updates use it.
/// </summary>
public readonly record struct ChildReward(double Reward, bool Failed)
{
    public static ChildReward Failure { get; } = new(0, true);

    /// <summary>
    /// MnasNet's reward <see cref="RewardSpec.Reward"/> = ACC·(LAT/T)^w for a child that trained and was timed. A
    /// measurement that cannot give a finite reward — accuracy or latency not finite, latency not positive, or a
    /// reward that overflows — is a failure, never a NaN.
    /// </summary>
    public static ChildReward Measured(RewardSpec spec, double accuracy, double latencyMs)
    {
        ArgumentNullException.ThrowIfNull(spec);
        if (!double.IsFinite(accuracy) || !double.IsFinite(latencyMs) || latencyMs <= 0)
        {
            return Failure;
        }

        var reward = spec.Reward(accuracy, latencyMs);
        return double.IsFinite(reward) ? new ChildReward(reward, false) : Failure;
    }
}
