using Mnas.SearchSpace.Architectures;
using Mnas.SearchSpace.Supernet;
using Mnas.Workers.Latency;
using Mnas.Workers.Training;

namespace Mnas.Workers.Supernet;

/// <summary>
/// A BN-NAS campaign's supernet as one job on one worker: the latency of every candidate at every position timed on this
/// worker's device at the target's input (the lookup table), the target's costs of every candidate at every position
/// (<see cref="SupernetCostTable"/>), the single-path supernet trained on the proxy data (<see cref="SposSearch"/>, from a
/// saved state when one is given), its state handed out after every epoch, and the BN indicator at the end. The
/// evolution over the indicator is the campaign's, not the job's.
/// </summary>
public static class BnNasJob
{
    public static BnNasOutcome Run(SupernetJobRequest request, ITrainingData data, InputShape proxyInput, int proxyClasses, LatencyTable table,
        LatencyOptions latency, TrainingOptions recipe, Action<BnNasEpoch, byte[]>? onEpoch = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var options = request.Spos ?? throw new ArgumentException("request: a BN-NAS job needs its single-path options (spos)", nameof(request));
        var candidates = request.Candidates.Select(SupernetCandidate.Parse).ToList();
        BnIndicator.ThrowIfUnscorable(candidates);
        var proxy = new SupernetSpace(SupernetFrames.Proxy(request.Spec, proxyInput, proxyClasses), candidates);
        var target = new SupernetSpace(SupernetFrames.Target(request.Spec), candidates);
        var differing = target.Positions.Where(p => Enumerable.Range(0, candidates.Count).Any(c => target.Offers(p.Index, c) != proxy.Offers(p.Index, c)))
            .Select(p => p.Index).ToList();
        if (differing.Count > 0)
        {
            throw new ArgumentException(
                $"spec.skeleton: the proxy view changes which candidates some layers offer (positions {string.Join(", ", differing)}): give those layers other channels");
        }
        LatencyLookup.Fill(table, target.CandidateArchitectures(), latency);
        using var lookup = SupernetLatency.From(target, table);
        var costs = SupernetCostTable.Of(target, lookup);
        using var search = request.ResumeState is { } state ? SposSearch.Restore(proxy, options, recipe, state) : new SposSearch(proxy, options, recipe);
        var distributions = Uniform(target);
        var expected = ExpectedLatencyMs(lookup, distributions);
        var epochs = search.Run(data, onEpoch is null ? null : epoch => onEpoch(new BnNasEpoch(epoch, distributions, expected), search.SaveState()), cancellation);
        return new BnNasOutcome(epochs, search.Scores(), distributions, expected, costs);
    }

    /// <summary>Each position's distribution over its candidates: uniform over those it offers, 0 elsewhere.</summary>
    private static IReadOnlyList<IReadOnlyList<double>> Uniform(SupernetSpace space) =>
        space.Positions.Select(p =>
        {
            var offered = Enumerable.Range(0, space.Candidates.Count).Count(c => space.Offers(p.Index, c));
            return (IReadOnlyList<double>)Enumerable.Range(0, space.Candidates.Count).Select(c => space.Offers(p.Index, c) ? 1.0 / offered : 0.0).ToArray();
        }).ToList();

    /// <summary>The lookup table's latency expected under the distributions: stem and head plus each position's weighted entries.</summary>
    private static double ExpectedLatencyMs(SupernetLatency lookup, IReadOnlyList<IReadOnlyList<double>> distributions) =>
        lookup.FixedMs + distributions.SelectMany((row, p) => row.Select((d, c) => d * lookup.Entries[(p * row.Count) + c])).Sum();
}
