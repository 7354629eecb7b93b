using System.Globalization;

namespace Mnas.Workers.Latency;

/// <summary>One latency measurement: median and spread of the timed runs, with the conditions it was taken under.</summary>
public sealed record LatencyMeasurement(double MedianMs, double MeanMs, double CoefficientOfVariation, int Runs, int Threads, string Device)
{
    public static LatencyMeasurement FromTimes(IReadOnlyList<double> milliseconds, int threads, string device)
    {
        var sorted = milliseconds.Order().ToArray();
        var mid = sorted.Length / 2;
        var median = sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
        var mean = sorted.Average();
        var variance = sorted.Sum(t => (t - mean) * (t - mean)) / Math.Max(sorted.Length - 1, 1);
        return new LatencyMeasurement(median, mean, Math.Sqrt(variance) / mean, sorted.Length, threads, device);
    }

    public IEnumerable<string> ToLines() =>
    [
        string.Create(CultureInfo.InvariantCulture, $"latency_ms={MedianMs:F3}"),
        string.Create(CultureInfo.InvariantCulture, $"latency_mean_ms={MeanMs:F3}"),
        string.Create(CultureInfo.InvariantCulture, $"latency_cv={CoefficientOfVariation:F4}"),
        $"runs={Runs}",
        $"threads={Threads}",
        $"device={Device}",
    ];
}
