namespace Mnas.SearchSpace.Predictor;

/// <summary>What an architecture's target view costs: latency by the campaign's lookup table (ms), parameters, multiply-adds per image and peak activation bytes.</summary>
public sealed record ArchitectureCosts(double LatencyMs, long Params, long Macs, long PeakActivationBytes);
