using Mnas.Pareto.Objectives;
using Mnas.Pareto.Points;

namespace Mnas.Pareto.Front;

/// <summary>The non-dominated points of a set.</summary>
public static class ParetoFront
{
    /// <summary>
    /// The points no other point dominates, ordered by latency ascending (ties by id). Of exact
    /// duplicates (equal in every objective) only the one with the lowest id is kept, so the
    /// front never lists the same trade-off twice and the choice does not depend on input order.
    /// O(n·f·m) for n points, f on the front and m objectives.
    /// </summary>
    public static IReadOnlyList<ParetoPoint> Of(IReadOnlyList<ParetoPoint> points, ParetoObjectives objectives)
    {
        PointChecks.Validate(points, objectives);
        var front = new List<Minimised>();
        // In lexicographic order every point that precedes a candidate has been seen already, and
        // by transitivity, if any does, one on the front so far does.
        foreach (var candidate in Minimised.Sorted(points, objectives))
        {
            if (!front.Any(member => Dominance.Precedes(member, candidate)))
            {
                front.Add(candidate);
            }
        }

        return FrontOrder.Apply(front.Select(m => m.Point), objectives);
    }
}
