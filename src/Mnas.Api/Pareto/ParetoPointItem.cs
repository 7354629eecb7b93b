namespace Mnas.Api.Pareto;

/// <summary>A done child in objective space, and whether it is on the front of the objectives asked for.</summary>
public sealed record ParetoPointItem(
    long Sequence,
    double Accuracy,
    double LatencyMs,
    long Params,
    long Macs,
    long PeakActivationBytes,
    double? Reward,
    string Architecture,
    bool OnFront);
