using Mnas.Campaigns;
using Mnas.Pareto.Front;
using Mnas.Pareto.Objectives;
using Mnas.Pareto.Points;

namespace Mnas.Api.Pareto;

/// <summary>The Pareto front of a campaign's done children, by the project's Pareto library.</summary>
public static class CampaignFront
{
    /// <summary>Every done child with metrics, in sequence order, each marked whether it is on the front over <paramref name="objectives"/>.</summary>
    public static IReadOnlyList<ParetoPointItem> Points(IReadOnlyList<Child> children, ParetoObjectives objectives)
    {
        var front = Sequences(children, objectives);
        return children
            .Where(c => c is { Status: ChildStatus.Done, Metrics: not null })
            .OrderBy(c => c.Sequence)
            .Select(c => new ParetoPointItem(c.Sequence, c.Metrics!.Accuracy, c.Metrics.LatencyMs, c.Metrics.Params, c.Metrics.Macs,
                c.Metrics.PeakActivationBytes, c.Reward, c.Architecture, front.Contains(c.Sequence)))
            .ToList();
    }

    /// <summary>The sequences of the children on the front over <paramref name="objectives"/>, in the library's front order (latency ascending).</summary>
    public static IReadOnlyList<long> Sequences(IReadOnlyList<Child> children, ParetoObjectives objectives) =>
        ParetoFront.Of(ParetoPoints.FromChildren(children, objectives), objectives).Select(p => p.Id).ToList();
}
