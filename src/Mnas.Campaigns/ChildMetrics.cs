namespace Mnas.Campaigns;

/// <summary>What evaluating a child measured: proxy accuracy, real latency and static costs.</summary>
public sealed record ChildMetrics(
    double Accuracy,
    double LatencyMs,
    long Params,
    long Macs,
    long PeakActivationBytes,
    double TrainSeconds);
