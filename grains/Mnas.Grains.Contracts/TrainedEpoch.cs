namespace Mnas.Grains.Contracts;

/// <summary>One epoch of a child's training as a trainer reports it: the mean training loss and the validation accuracy after it.</summary>
[GenerateSerializer, Immutable]
public sealed record TrainedEpoch(int Epoch, double TrainLoss, double ValidationAccuracy);
