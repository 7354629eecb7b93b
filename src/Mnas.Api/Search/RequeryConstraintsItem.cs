using Mnas.SearchSpace.Predictor;

namespace Mnas.Api.Search;

/// <summary>The limits a requery's pairs met: latency by the campaign's lookup table (ms), parameters, multiply-adds and peak activation bytes; null where none was set.</summary>
public sealed record RequeryConstraintsItem(double? MaxLatencyMs, long? MaxParams, long? MaxMacs, long? MaxPeakActivationBytes)
{
    public static RequeryConstraintsItem From(PairConstraints c) => new(c.MaxLatencyMs, c.MaxParams, c.MaxMacs, c.MaxPeakActivationBytes);
}
