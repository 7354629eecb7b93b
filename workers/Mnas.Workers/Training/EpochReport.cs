namespace Mnas.Workers.Training;

public sealed record EpochReport(int Epoch, double TrainLoss, double TrainAccuracy, double ValidationAccuracy, TimeSpan Elapsed);
