namespace Mnas.Workers.Training;

/// <summary>Reported after every training step.</summary>
public readonly record struct TrainingProgress(int Epoch, int Step, int StepsPerEpoch, double Loss);
