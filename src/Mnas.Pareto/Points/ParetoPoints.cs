using Mnas.Campaigns;
using Mnas.Pareto.Objectives;

namespace Mnas.Pareto.Points;

/// <summary>Points built from a campaign's children.</summary>
public static class ParetoPoints
{
    /// <summary>
    /// One point per child that is <see cref="ChildStatus.Done"/> and has metrics, with the
    /// child's sequence as id and its architecture string, in the children's order. Others are
    /// left out, and so is a done child whose selected metrics are not all finite (a NaN
    /// accuracy has no place in a front). Sequences must be unique (children of one campaign).
    /// </summary>
    public static IReadOnlyList<ParetoPoint> FromChildren(IEnumerable<Child> children, ParetoObjectives objectives) =>
        WithMetrics(children, objectives).Select(p => p.Point).ToArray();

    /// <summary><see cref="FromChildren"/>, each point with the metrics it was read from.</summary>
    internal static IReadOnlyList<(ParetoPoint Point, ChildMetrics Metrics)> WithMetrics(IEnumerable<Child> children, ParetoObjectives objectives)
    {
        ArgumentNullException.ThrowIfNull(children);
        ArgumentNullException.ThrowIfNull(objectives);
        var selected = objectives.All;
        var points = new List<(ParetoPoint Point, ChildMetrics Metrics)>();
        foreach (var child in children)
        {
            if (child.Status != ChildStatus.Done || child.Metrics is not { } metrics)
            {
                continue;
            }

            var values = selected.Select(o => o.Read(metrics)).ToArray();
            if (values.All(double.IsFinite))
            {
                points.Add((new ParetoPoint(child.Sequence, values, child.Architecture), metrics));
            }
        }

        PointChecks.Validate(points.Select(p => p.Point).ToArray(), objectives);
        return points;
    }
}
