namespace Mnas.Metrics;

/// <summary>One line of a family: the sample's full name (with <c>_bucket</c>, <c>_sum</c>, <c>_count</c> for histograms), its labels and value.</summary>
public sealed record MetricSample(string Name, IReadOnlyList<KeyValuePair<string, string>> Labels, double Value);
