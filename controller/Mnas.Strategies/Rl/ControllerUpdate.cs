namespace Mnas.Strategies.Rl;

/// <summary>
/// What one controller update did. <see cref="Included"/> lists every child the update settled, by sequence number:
/// those it trained on and failed ones the failure policy left out since the previous update (so a checkpoint's
/// included list accounts for every result the state has absorbed).
/// <see cref="MeanEntropy"/> and <see cref="MeanLogProbability"/> are of the trained-on children under the weights
/// before the update; <see cref="Loss"/> is the first epoch's.
/// </summary>
public sealed record ControllerUpdate(
    long PolicyVersion,
    IReadOnlyList<long> Included,
    int Used,
    double MeanReward,
    double BaselineBefore,
    double BaselineAfter,
    double MeanEntropy,
    double MeanLogProbability,
    double Loss);
