namespace Mnas.Strategies;

/// <summary>
/// A completed update of a learning strategy, for the campaign's history: the policy version it made, how many
/// children its minibatch held, their mean reward, the baseline their advantages were measured against, and the
/// policy's entropy (mean per decision over the minibatch's samples, in nats, under the weights before the update).
/// </summary>
public sealed record ControllerReport(long Version, int Children, double MeanReward, double Baseline, double Entropy);
