using System.Text.Json.Serialization;

namespace Mnas.SearchSpace.Supernet;

/// <summary>
/// What one candidate at one searchable layer costs the target's network — its latency from the lookup table of the
/// target's device class (ms), parameters, multiply-adds of one image — and the peak of live activation bytes while it
/// runs (its input, its intermediates, its output). For the fixed part (stem, head, classifier) the same four.
/// </summary>
public sealed record SupernetLayerCost(
    [property: JsonPropertyName("latency_ms")] double LatencyMs,
    [property: JsonPropertyName("params")] long Params,
    [property: JsonPropertyName("macs")] long Macs,
    [property: JsonPropertyName("peak_activation_bytes")] long PeakActivationBytes);
