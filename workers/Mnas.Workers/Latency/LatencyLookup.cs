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

    /// <summary>
    /// Times the operators <paramref name="keys"/> names, each once, found among the architectures' operators: key → median
    /// ms. A key none of the architectures holds is refused (naming it) before anything is timed; cancelling stops between operators.
    /// </summary>
    public static Dictionary<string, double> Measure(IEnumerable<Architecture> architectures, IEnumerable<string> keys, LatencyOptions options,
        CancellationToken cancellation = default)
    {
        options.ThrowIfInvalid();
        var wanted = keys.ToHashSet(StringComparer.Ordinal);
        var found = new Dictionary<string, NetworkOperator>(StringComparer.Ordinal);
        foreach (var op in architectures.SelectMany(NetworkOperators.Of))
        {
            if (wanted.Contains(op.Key))
            {
                found.TryAdd(op.Key, op);
            }
        }
        var missing = wanted.Where(k => !found.ContainsKey(k)).Order(StringComparer.Ordinal).ToList();
        if (missing.Count > 0)
        {
            throw new ArgumentException($"operators {string.Join(", ", missing)}: in none of the architectures given", nameof(keys));
        }
        var measured = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var op in found.Values)
        {
            cancellation.ThrowIfCancellationRequested();
            using var module = op.Build();
            measured[op.Key] = LatencyMeter.Measure(module, op.InputShape, options).MedianMs;
        }
        return measured;
    }

    public static double Estimate(LatencyTable table, Architecture architecture) =>
        table.Estimate(NetworkOperators.Of(architecture).Select(op => op.Key));
}
