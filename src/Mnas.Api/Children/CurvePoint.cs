namespace Mnas.Api.Children;

/// <summary>One epoch of a child's training curve.</summary>
public sealed record CurvePoint(int Epoch, double TrainLoss, double ValidationAccuracy);
