using Mnas.Pareto.Front;
using Mnas.Pareto.Objectives;
using Mnas.Pareto.Points;

namespace Mnas.Pareto.Indicators;

/// <summary>The hypervolume indicator: the volume of objective space the points dominate, bounded by a reference point.</summary>
public static class Hypervolume
{
    /// <summary>
    /// The exact volume of the union of the boxes spanned by each point and
    /// <paramref name="reference"/>. A point not strictly better than the reference in every
    /// objective contributes nothing; dominated points and duplicates add nothing; input order
    /// does not matter. Exact for any number of objectives: a sweep in two, slicing above
    /// (<see cref="HypervolumeSlicing"/>).
    /// </summary>
    public static double Of(IReadOnlyList<ParetoPoint> points, ParetoObjectives objectives, ParetoReference reference)
    {
        PointChecks.Validate(points, objectives);
        PointChecks.Validate(reference, objectives);
        var all = objectives.All;
        var bound = new double[all.Count];
        for (var i = 0; i < bound.Length; i++)
        {
            bound[i] = all[i].ToMinimisation(reference[i]);
        }

        var inside = points
            .Select(p => Minimised.Of(p, all).Values)
            .Where(v => StrictlyBetter(v, bound))
            .ToList();
        return HypervolumeSlicing.Volume(inside, bound, bound.Length);
    }

    private static bool StrictlyBetter(double[] values, double[] bound)
    {
        for (var i = 0; i < values.Length; i++)
        {
            if (values[i] >= bound[i])
            {
                return false;
            }
        }

        return true;
    }
}
