using Mnas.Costs;
using Mnas.SearchSpace.Architectures;
using Mnas.SearchSpace.Predictor;

namespace Mnas.Grains.Fbnetv3;

/// <summary>
/// What a target view costs by a campaign's latency lookup table: its latency the sum of the table's entries over its
/// operators (<see cref="Mnas.Workers.Latency.NetworkOperators.Keys"/>), its parameters, multiply-adds and peak activation bytes counted.
/// </summary>
internal static class LookupCosts
{
    /// <summary>The view's costs, or null when the table lacks one of its operators (<paramref name="keys"/>).</summary>
    public static ArchitectureCosts? Of(Architecture view, IReadOnlyList<string> keys, IReadOnlyDictionary<string, double> table)
    {
        double latency = 0;
        foreach (var key in keys)
        {
            if (!table.TryGetValue(key, out var milliseconds))
            {
                return null;
            }
            latency += milliseconds;
        }
        var counted = CostAnalysis.Analyze(view);
        return new ArchitectureCosts(latency, counted.Params, counted.Macs, counted.PeakActivationBytes);
    }
}
