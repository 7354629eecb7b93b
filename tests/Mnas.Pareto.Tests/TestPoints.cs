using Mnas.Campaigns;
using Mnas.Pareto.Points;

namespace Mnas.Pareto.Tests;

/// <summary>Shorthands for points and children in tests.</summary>
internal static class TestPoints
{
    /// <summary>An accuracy × latency point.</summary>
    public static ParetoPoint P(long id, double accuracy, double latencyMs, string? architecture = null) =>
        new(id, [accuracy, latencyMs], architecture);

    /// <summary>A point with any number of values, in objective order.</summary>
    public static ParetoPoint P(long id, params double[] values) => new(id, values);

    public static long[] Ids(IEnumerable<ParetoPoint> points) => points.Select(p => p.Id).ToArray();

    public static Child Child(long sequence, ChildStatus status, ChildMetrics? metrics, string? architecture = null) =>
        new("c1", sequence, architecture ?? $"arch-{sequence}", [1, 2, 3], -1.5, 1, status, 1, null, metrics, null, DateTimeOffset.UnixEpoch);

    public static ChildMetrics Metrics(double accuracy, double latencyMs, long parameters = 1_000_000, long peakBytes = 1_048_576) =>
        new(accuracy, latencyMs, parameters, Macs: 300_000_000, peakBytes, TrainSeconds: 12);
}
