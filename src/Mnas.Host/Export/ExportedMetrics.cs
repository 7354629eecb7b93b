using System.Text.Json.Serialization;
using Mnas.Campaigns;

namespace Mnas.Host.Export;

/// <summary>
/// <c>metrics.json</c> of an exported child: which child it is, what it measured and what its reward was, and where
/// its weights are. Its layout is described in docs/export-format.md.
/// </summary>
/// <param name="Architecture">The child's sample as its canonical string (<c>b1.op=mbconv6 b1.kernel=3 …</c>).</param>
/// <param name="Metrics">What evaluating it measured; keys <c>accuracy</c>, <c>latency_ms</c>, <c>params</c>, <c>macs</c>,
/// <c>peak_activation_bytes</c>, <c>train_seconds</c>.</param>
public sealed record ExportedMetrics(
    string Campaign,
    long Child,
    string Architecture,
    ChildMetrics Metrics,
    double? Reward,
    ExportedWeights Weights)
{
    /// <summary>The layout written, and the newest a reader of this build understands.</summary>
    public const int CurrentFormatVersion = 1;

    /// <summary>Written first, so that a reader can refuse a layout newer than it knows before reading on.</summary>
    [JsonPropertyOrder(-1)]
    public int FormatVersion { get; init; } = CurrentFormatVersion;
}
