using Mnas.Pareto.Objectives;
using Mnas.Pareto.Points;

namespace Mnas.Pareto.Front;

/// <summary>The order fronts are given in: latency ascending, ties by id ascending.</summary>
internal static class FrontOrder
{
    public static IReadOnlyList<ParetoPoint> Apply(IEnumerable<ParetoPoint> points, ParetoObjectives objectives)
    {
        var latency = objectives.IndexOf(Objective.LatencyMs);
        return points.OrderBy(p => p[latency]).ThenBy(p => p.Id).ToArray();
    }
}
