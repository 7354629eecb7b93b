using Mnas.Campaigns;

namespace Mnas.Api.Events;

/// <summary>The data of a <c>child-finished</c> message: the child as it finished.</summary>
public sealed record ChildFinishedData(long Sequence, ChildStatus Status, double? Reward, double? Accuracy, double? LatencyMs);
