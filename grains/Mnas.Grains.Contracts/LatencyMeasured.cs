namespace Mnas.Grains.Contracts;

/// <summary>A worker's answer to a <see cref="ChildJob.Latency"/> job: the target view's latency on its device, or why it failed.</summary>
[GenerateSerializer, Immutable]
public sealed record LatencyMeasured(
    string CampaignId,
    long Sequence,
    int Attempt,
    string WorkerId,
    bool Succeeded,
    string? FailureReason,
    double LatencyMs);
