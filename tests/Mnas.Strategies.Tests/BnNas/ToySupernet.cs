using Mnas.SearchSpace.Supernet;

namespace Mnas.Strategies.Tests.BnNas;

/// <summary>
/// A supernet's tables in closed form: 8 layers × 8 candidates, candidate c costing 1 + c ms, 100·(c + 1) parameters,
/// 1000·(c + 1) multiply-adds and 10·(c + 1) peak bytes at every layer, over a fixed part of 1 ms, 10 parameters, 100
/// multiply-adds and 5 peak bytes; its indicator score is c, so the unconstrained best subnet is also the costliest
/// (all 7s: 65 ms). Layer 0 does not offer the last candidate where <c>gap</c> is asked for.
/// </summary>
internal static class ToySupernet
{
    public const int Layers = 8;

    public static IReadOnlyList<string> Candidates { get; } = ["k3_e1", "k3_e3", "k3_e6", "k5_e1", "k5_e3", "k5_e6", "k7_e3", "k7_e6"];

    public static SupernetCosts Costs(bool gap = false) => new(new SupernetLayerCost(1, 10, 100, 5),
        Enumerable.Range(0, Layers).Select(layer => (IReadOnlyList<SupernetLayerCost?>)Enumerable.Range(0, Candidates.Count)
            .Select(c => gap && layer == 0 && c == Candidates.Count - 1 ? null : new SupernetLayerCost(1 + c, 100 * (c + 1), 1000 * (c + 1), 10 * (c + 1)))
            .ToList()).ToList());

    public static IReadOnlyList<IReadOnlyList<double>> Scores { get; } =
        Enumerable.Range(0, Layers).Select(_ => (IReadOnlyList<double>)Enumerable.Range(0, Candidates.Count).Select(c => (double)c).ToList()).ToList();

    /// <summary>The posterior a single-path supernet would leave: uniform sampling over what each layer offers, the scores and the costs.</summary>
    public static SupernetPosterior Posterior(bool gap = false)
    {
        var costs = Costs(gap);
        var distributions = costs.Layers.Select(row => (IReadOnlyList<double>)row.Select(c => c is null ? 0.0 : 1.0 / row.Count(x => x is not null)).ToList())
            .ToList();
        return new SupernetPosterior(Candidates, distributions, null, null, null, null, 30.0, 1) { Scores = Scores, Costs = costs };
    }
}
