namespace Mnas.Campaigns;

/// <summary>
/// One completed update of a campaign's controller, for its history: the policy version it made, when, how many
/// children its minibatch held, their mean reward, the baseline their advantages were measured against, and the
/// policy's mean entropy per decision over the minibatch's samples.
/// </summary>
public sealed record ControllerUpdateRecord(
    string CampaignId,
    long Version,
    DateTimeOffset At,
    int Children,
    double MeanReward,
    double Baseline,
    double Entropy);
