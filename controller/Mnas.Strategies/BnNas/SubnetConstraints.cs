using System.Globalization;
using Mnas.SearchSpace.Supernet;

namespace Mnas.Strategies.BnNas;

/// <summary>The limits a subnet found by the evolution must meet; a limit left null does not constrain.</summary>
public sealed record SubnetConstraints
{
    public static SubnetConstraints None { get; } = new();

    public double? MaxLatencyMs { get; init; }

    public long? MaxParams { get; init; }

    public long? MaxMacs { get; init; }

    public long? MaxPeakActivationBytes { get; init; }

    public bool Allows(SupernetLayerCost cost)
    {
        ArgumentNullException.ThrowIfNull(cost);
        return !(cost.LatencyMs > MaxLatencyMs) && !(cost.Params > MaxParams) && !(cost.Macs > MaxMacs) &&
            !(cost.PeakActivationBytes > MaxPeakActivationBytes);
    }

    /// <summary>The limits set, by setting name (<c>max_latency_ms 5, max_params 3000000</c>), or <c>no constraints</c>.</summary>
    public string Describe()
    {
        var limits = Limits().Select(l => $"{l.Setting} {l.Limit}").ToList();
        return limits.Count == 0 ? "no constraints" : string.Join(", ", limits);
    }

    /// <summary>Every limit set, by setting name, with its value and the same measure of a subnet's costs.</summary>
    internal IEnumerable<(string Setting, string Limit, Func<SupernetLayerCost, string> Measure)> Limits()
    {
        if (MaxLatencyMs is { } latency)
        {
            yield return ("max_latency_ms", Text(latency), c => Text(c.LatencyMs));
        }
        if (MaxParams is { } parameters)
        {
            yield return ("max_params", Text(parameters), c => Text(c.Params));
        }
        if (MaxMacs is { } macs)
        {
            yield return ("max_macs", Text(macs), c => Text(c.Macs));
        }
        if (MaxPeakActivationBytes is { } peak)
        {
            yield return ("max_peak_activation_bytes", Text(peak), c => Text(c.PeakActivationBytes));
        }
    }

    public IEnumerable<string> Validate()
    {
        if (MaxLatencyMs is { } latency && !(latency > 0 && double.IsFinite(latency)))
        {
            yield return $"max_latency_ms: must be a positive number of milliseconds (got {Text(latency)})";
        }
        foreach (var (setting, value) in new[] { ("max_params", MaxParams), ("max_macs", MaxMacs), ("max_peak_activation_bytes", MaxPeakActivationBytes) })
        {
            if (value is < 1)
            {
                yield return $"{setting}: must be at least 1 (got {Text(value.Value)})";
            }
        }
    }

    private static string Text(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static string Text(long value) => value.ToString(CultureInfo.InvariantCulture);
}
