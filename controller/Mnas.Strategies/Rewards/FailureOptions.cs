namespace Mnas.Strategies.Rewards;

/// <summary>How failed children are treated by updates; see <see cref="FailurePolicy"/>. The default excludes them.</summary>
public sealed record FailureOptions
{
    public FailurePolicy Policy { get; init; } = FailurePolicy.Exclude;

    /// <summary>
    /// The reward an update uses for this outcome, or null when the update must leave it out. A failed outcome,
    /// or one whose reward or log-probability is not finite (a bad measurement), counts as failed: it gets 0 under
    /// <see cref="FailurePolicy.Zero"/> and null under <see cref="FailurePolicy.Exclude"/>. A non-finite
    /// log-probability is always left out, since no ratio or gradient can be formed from it. Never NaN.
    /// </summary>
    public double? RewardForUpdate(Outcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        if (!double.IsFinite(outcome.LogProbability))
        {
            return null;
        }

        var failed = outcome.Failed || !double.IsFinite(outcome.Reward);
        if (!failed)
        {
            return outcome.Reward;
        }

        return Policy == FailurePolicy.Zero ? 0.0 : null;
    }
}
