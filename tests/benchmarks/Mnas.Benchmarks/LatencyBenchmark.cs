using System.Diagnostics;
using System.Globalization;
using MathNet.Numerics.Statistics;
using Mnas.SearchSpace.Architectures;
using Mnas.SearchSpace.Space;
using Mnas.SearchSpace.Spec;
using Mnas.Workers.Latency;

namespace Mnas.Benchmarks;

/// <summary>
/// How well the latency lookup table predicts measured latency: random architectures of the
/// default space at the target view (224×224×3, 1000 classes), each measured for real and
/// estimated from the table built on this machine; plus the repeatability of one measurement.
/// </summary>
internal static class LatencyBenchmark
{
    public static int Run(int architectures, int seed, string? tablePath)
    {
        var space = new ModelSpace(new CampaignSpec());
        var rng = new Random(seed);
        var archs = Enumerable.Range(0, architectures).Select(_ => space.Freeze(space.Random(rng))).ToList();
        var options = new LatencyOptions { Warmup = 3, Runs = 11, Threads = 1 };
        var device = $"cpu {CpuModel()}";

        var table = tablePath != null && File.Exists(tablePath) ? LatencyTable.Load(tablePath) : new LatencyTable(device, options.Threads);
        var clock = Stopwatch.StartNew();
        var added = LatencyLookup.Fill(table, archs, options);
        Console.WriteLine(FormattableString.Invariant($"table: {table.Entries.Count} operators ({added} timed now) in {clock.Elapsed.TotalSeconds:F1} s"));
        if (tablePath != null)
        {
            table.Save(tablePath);
        }

        var measured = new List<double>();
        var estimated = new List<double>();
        foreach (var (arch, i) in archs.Select((a, i) => (a, i)))
        {
            measured.Add(LatencyMeter.Measure(arch, options).MedianMs);
            estimated.Add(LatencyLookup.Estimate(table, arch));
            Console.WriteLine(FormattableString.Invariant($"arch {i + 1,2}: measured {measured[^1],8:F2} ms  table {estimated[^1],8:F2} ms"));
        }
        var spearman = Correlation.Spearman(measured, estimated);
        var mape = measured.Zip(estimated, (m, e) => Math.Abs(e - m) / m).Average();

        var repeats = Enumerable.Range(0, 5).Select(_ => LatencyMeter.Measure(BuiltinArchitectures.MobileNetV2, options).MedianMs).ToArray();
        var repeatCv = repeats.StandardDeviation() / repeats.Mean();
        Console.WriteLine("mobilenet_v2 repeated: " + string.Join(" ", repeats.Select(r => r.ToString("F2", CultureInfo.InvariantCulture))) + " ms");

        Console.WriteLine($"device={device}");
        Console.WriteLine($"threads={options.Threads}");
        Console.WriteLine($"architectures={architectures}");
        Print("lut_spearman", spearman, "F3");
        Print("lut_mape", mape, "F3");
        Print("mobilenet_v2_latency_ms", Statistics.Median(repeats), "F2");
        Print("repeat_cv", repeatCv, "F4");
        return 0;
    }

    private static string CpuModel()
    {
        var line = File.Exists("/proc/cpuinfo") ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal)) : null;
        return line?.Split(':', 2)[1].Trim() ?? "unknown";
    }

    private static void Print(string name, double value, string format) =>
        Console.WriteLine($"{name}={value.ToString(format, CultureInfo.InvariantCulture)}");
}
