namespace Mnas.Grains.Contracts;

/// <summary>A trainer's answer: the child's measurements, or why it failed.</summary>
/// <param name="WorkerId">The worker that ran the attempt (a result from any other is refused).</param>
/// <param name="Curve">The training's epochs, when the trainer reports them (absent from older trainers).</param>
[GenerateSerializer, Immutable]
public sealed record ChildEvaluated(
    string CampaignId,
    long Sequence,
    int Attempt,
    bool Succeeded,
    string? FailureReason,
    double Accuracy,
    double LatencyMs,
    long Params,
    long Macs,
    long PeakActivationBytes,
    double TrainSeconds,
    IReadOnlyList<TrainedEpoch>? Curve = null,
    string WorkerId = "");
