namespace Mnas.Grains.Contracts;

/// <summary>A trainer's answer: the child's measurements, or why it failed.</summary>
/// <param name="Curve">The training's epochs, when the trainer reports them (absent from older trainers).</param>
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
    IReadOnlyList<TrainedEpoch>? Curve = null);
