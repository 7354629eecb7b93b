using Mnas.Pareto.Objectives;
using Mnas.Pareto.Points;

namespace Mnas.Pareto.Front;

/// <summary>Non-dominated sorting: every point gets a rank, rank 0 being the Pareto front.</summary>
public static class NonDominatedSorting
{
    /// <summary>
    /// The fronts by rank: rank 0 is <see cref="ParetoFront.Of"/>, rank k the front of what is
    /// left once ranks below k are removed. Each front is ordered by latency ascending (ties by
    /// id). An exact duplicate counts as dominated by its lower-id twin, so twins land on
    /// successive ranks and rank 0 is exactly the front; a point beaten by both twins then ranks
    /// below the higher one (the chain 1 → twin → it). O(n²·m), memory O(n).
    /// </summary>
    public static IReadOnlyList<IReadOnlyList<ParetoPoint>> Rank(IReadOnlyList<ParetoPoint> points, ParetoObjectives objectives)
    {
        PointChecks.Validate(points, objectives);
        var sorted = Minimised.Sorted(points, objectives);
        // A point's rank is the length of the longest chain of points preceding it. Everything
        // that precedes a point comes earlier in lexicographic order, so one pass settles it.
        var ranks = new int[sorted.Length];
        var fronts = new List<List<ParetoPoint>>();
        for (var i = 0; i < sorted.Length; i++)
        {
            var rank = 0;
            for (var j = 0; j < i; j++)
            {
                if (ranks[j] >= rank && Dominance.Precedes(sorted[j], sorted[i]))
                {
                    rank = ranks[j] + 1;
                }
            }

            ranks[i] = rank;
            if (rank == fronts.Count)
            {
                fronts.Add([]);
            }

            fronts[rank].Add(sorted[i].Point);
        }

        return fronts.Select(front => FrontOrder.Apply(front, objectives)).ToArray();
    }

    /// <summary>Each point's rank by id.</summary>
    public static IReadOnlyDictionary<long, int> RanksById(IReadOnlyList<ParetoPoint> points, ParetoObjectives objectives)
    {
        var ranks = new Dictionary<long, int>();
        var fronts = Rank(points, objectives);
        for (var rank = 0; rank < fronts.Count; rank++)
        {
            foreach (var point in fronts[rank])
            {
                ranks[point.Id] = rank;
            }
        }

        return ranks;
    }
}
