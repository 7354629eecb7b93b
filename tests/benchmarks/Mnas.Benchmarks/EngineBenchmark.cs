using System.Globalization;
using Mnas.Torch.Interop;

namespace Mnas.Benchmarks;

/// <summary>
/// The engine against Python PyTorch on the same child, side by side in one run: PyTorch with the
/// environment a user has, then with the engine's allocator tuning in its environment. Rounds are
/// interleaved and the median of each side is reported, so machine noise hits all sides alike.
/// </summary>
internal static class EngineBenchmark
{
    public static int Run(EngineSettings settings)
    {
        var engine = new List<Measurement>();
        var pytorch = new List<Measurement>();
        var tuned = new List<Measurement>();
        for (var round = 1; round <= settings.Rounds; round++)
        {
            engine.Add(EngineRun.Measure(settings));
            pytorch.Add(PythonRun.Measure(settings, null));
            tuned.Add(PythonRun.Measure(settings, AllocatorTuning.EnvironmentVariables));
            Console.WriteLine(FormattableString.Invariant(
                $"round {round}: engine {engine[^1].ImagesPerSecond:F1} img/s {engine[^1].LatencyMs:F3} ms | pytorch {pytorch[^1].ImagesPerSecond:F1} img/s {pytorch[^1].LatencyMs:F3} ms | pytorch tuned {tuned[^1].ImagesPerSecond:F1} img/s {tuned[^1].LatencyMs:F3} ms"));
        }
        double Median(List<Measurement> runs, Func<Measurement, double> pick) => Statistics.Median(runs.Select(pick));
        var engineRate = Median(engine, m => m.ImagesPerSecond);
        var pytorchRate = Median(pytorch, m => m.ImagesPerSecond);
        var tunedRate = Median(tuned, m => m.ImagesPerSecond);
        Console.WriteLine($"engine_allocator_tuned={AllocatorTuning.IsApplied.ToString().ToLowerInvariant()}");
        Print("engine_img_per_s", engineRate, "F1");
        Print("pytorch_img_per_s", pytorchRate, "F1");
        Print("pytorch_tuned_img_per_s", tunedRate, "F1");
        Print("engine_vs_pytorch", engineRate / pytorchRate, "F3");
        Print("engine_vs_pytorch_tuned", engineRate / tunedRate, "F3");
        Print("engine_latency_ms", Median(engine, m => m.LatencyMs), "F3");
        Print("pytorch_latency_ms", Median(pytorch, m => m.LatencyMs), "F3");
        return 0;
    }

    private static void Print(string name, double value, string format) =>
        Console.WriteLine($"{name}={value.ToString(format, CultureInfo.InvariantCulture)}");
}
