namespace Mnas.Benchmarks;

internal sealed record Measurement(double ImagesPerSecond, double LatencyMs);
