namespace Mnas.Strategies.Rewards;

/// <summary>What a controller update does with a failed child (diverged, crashed, out of memory, or a non-finite measurement).</summary>
public enum FailurePolicy
{
    /// <summary>The child is left out of updates (it neither counts towards a minibatch nor moves the baseline).</summary>
    Exclude,

    /// <summary>The child takes part in updates with reward 0, so the policy learns to avoid what fails.</summary>
    Zero,
}
