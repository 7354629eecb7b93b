using Mnas.SearchSpace.Architectures;

namespace Mnas.Workers.Latency;

/// <summary>Fills a latency table by timing each operator configuration once, and estimates networks from it.</summary>
public static class LatencyLookup
{
    /// <summary>Times every operator of the architectures that the table lacks; returns how many were added.</summary>
    public static int Fill(LatencyTable table, IEnumerable<Architecture> architectures, LatencyOptions options,
        IProgress<string>? progress = null)
    {
        options.ThrowIfInvalid();
        if (options.Threads != table.Threads)
        {
            throw new ArgumentException($"threads: the table was measured with {table.Threads} threads, not {options.Threads}", nameof(options));
        }
        var added = 0;
        foreach (var op in architectures.SelectMany(NetworkOperators.Of))
        {
            if (table.Contains(op.Key))
            {
                continue;
            }
            using var module = op.Build();
            table.Set(op.Key, LatencyMeter.Measure(module, op.InputShape, options).MedianMs);
            added++;
            progress?.Report(op.Key);
        }
        return added;
    }

    public static double Estimate(LatencyTable table, Architecture architecture) =>
        table.Estimate(NetworkOperators.Of(architecture).Select(op => op.Key));
}
