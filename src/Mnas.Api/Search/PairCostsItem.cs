namespace Mnas.Api.Search;

/// <summary>What an architecture costs on the campaign's target: latency by its lookup table (ms), parameters, multiply-adds of one image and peak activation bytes.</summary>
public sealed record PairCostsItem(double LatencyMs, long Params, long Macs, long PeakActivationBytes);
