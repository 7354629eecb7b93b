namespace Mnas.Metrics;

/// <summary>One metric as exposed: its name, help text, type (<c>counter</c>, <c>gauge</c>, <c>histogram</c>) and samples.</summary>
public sealed record MetricFamily(string Name, string Help, string Type, IReadOnlyList<MetricSample> Samples);
