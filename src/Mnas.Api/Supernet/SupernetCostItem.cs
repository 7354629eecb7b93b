namespace Mnas.Api.Supernet;

/// <summary>
/// What a part of a network costs: its latency by the lookup table of the target's device class (ms), its parameters,
/// its multiply-adds for one image and the peak of its live activation bytes.
/// </summary>
public sealed record SupernetCostItem(double LatencyMs, long Params, long Macs, long PeakActivationBytes);
