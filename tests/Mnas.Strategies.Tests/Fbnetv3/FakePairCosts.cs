using Mnas.Costs;
using Mnas.SearchSpace.Predictor;
using Mnas.SearchSpace.Space;

namespace Mnas.Strategies.Tests.Fbnetv3;

/// <summary>
/// An architecture's costs for FBNetV3's tests: parameters, multiply-adds and peak activation bytes from the cost model,
/// and a fake latency (no device times anything here): 1 ms plus 0.1 ms per million multiply-adds.
/// </summary>
internal sealed class FakePairCosts(ModelSpace space)
{
    private readonly Dictionary<string, ArchitectureCosts> known = new(StringComparer.Ordinal);

    public ArchitectureCosts Of(Sample sample)
    {
        lock (known)
        {
            if (!known.TryGetValue(sample.Canonical, out var costs))
            {
                var report = CostAnalysis.Analyze(space.Freeze(sample));
                known[sample.Canonical] = costs = new ArchitectureCosts(1 + report.Macs / 1e7, report.Params, report.Macs, report.PeakActivationBytes);
            }
            return costs;
        }
    }

    /// <summary>As a requery's cost source: every architecture costed.</summary>
    public ValueTask<IReadOnlyList<ArchitectureCosts?>> SourceAsync(IReadOnlyList<Sample> samples, CancellationToken cancellation) =>
        ValueTask.FromResult<IReadOnlyList<ArchitectureCosts?>>(samples.Select(s => (ArchitectureCosts?)Of(s)).ToList());

    /// <summary>The <paramref name="quantile"/> of the parameter counts of <paramref name="count"/> random architectures.</summary>
    public long ParamsQuantile(double quantile, int count = 200, int seed = 17)
    {
        var rng = new Random(seed);
        var counts = Enumerable.Range(0, count).Select(_ => Of(space.Random(rng)).Params).Order().ToList();
        return counts[(int)(quantile * (counts.Count - 1))];
    }
}
