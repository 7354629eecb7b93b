namespace Mnas.Api.Events;

/// <summary>The data of a <c>controller-updated</c> message: the update as the controller history records it.</summary>
public sealed record ControllerUpdatedData(long Version, double MeanReward, double Baseline, double Entropy);
