namespace Mnas.Api.Controller;

/// <summary>One controller update: the policy version it made, when, its minibatch's size and mean reward, the baseline and the policy's entropy per decision.</summary>
public sealed record ControllerUpdateItem(long Version, DateTimeOffset At, int Children, double MeanReward, double Baseline, double Entropy);
