namespace Mnas.Campaigns;

/// <summary>One epoch of a child's proxy training: its mean training loss and the validation accuracy after it (0–1).</summary>
public sealed record ChildEpoch(int Epoch, double TrainLoss, double ValidationAccuracy);
