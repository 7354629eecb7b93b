using Mnas.Pareto.Objectives;
using Mnas.Pareto.Points;

namespace Mnas.Pareto.Front;

/// <summary>A point with its values turned so that every objective is minimised (maximised ones negated).</summary>
internal readonly record struct Minimised(ParetoPoint Point, double[] Values)
{
    public static Minimised Of(ParetoPoint point, IReadOnlyList<Objective> objectives)
    {
        var values = new double[objectives.Count];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = objectives[i].ToMinimisation(point[i]);
        }

        return new Minimised(point, values);
    }

    /// <summary>
    /// The points in lexicographic order of their minimised values, ties by id. Whatever
    /// precedes a point (<see cref="Dominance.Precedes"/>) comes before it in this order.
    /// </summary>
    public static Minimised[] Sorted(IReadOnlyList<ParetoPoint> points, ParetoObjectives objectives)
    {
        var all = objectives.All;
        var minimised = points.Select(p => Of(p, all)).ToArray();
        Array.Sort(minimised, Lexicographic);
        return minimised;
    }

    private static int Lexicographic(Minimised a, Minimised b)
    {
        for (var i = 0; i < a.Values.Length; i++)
        {
            var order = a.Values[i].CompareTo(b.Values[i]);
            if (order != 0)
            {
                return order;
            }
        }

        return a.Point.Id.CompareTo(b.Point.Id);
    }
}
