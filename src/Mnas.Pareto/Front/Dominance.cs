using Mnas.Pareto.Objectives;
using Mnas.Pareto.Points;

namespace Mnas.Pareto.Front;

/// <summary>Pareto dominance between two points.</summary>
public static class Dominance
{
    /// <summary>
    /// Whether <paramref name="a"/> dominates <paramref name="b"/>: no worse in every objective
    /// and strictly better in at least one. Equal points dominate neither way.
    /// </summary>
    public static bool Dominates(ParetoPoint a, ParetoPoint b, ParetoObjectives objectives)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        ArgumentNullException.ThrowIfNull(objectives);
        if (a.Values.Count != objectives.Count || b.Values.Count != objectives.Count)
        {
            throw new ArgumentException($"both points need {objectives.Count} values for {objectives}");
        }

        return Dominates(Minimised.Of(a, objectives.All).Values, Minimised.Of(b, objectives.All).Values);
    }

    /// <summary>Dominance between vectors where every objective is minimised.</summary>
    internal static bool Dominates(double[] a, double[] b)
    {
        var strictlyBetter = false;
        for (var i = 0; i < a.Length; i++)
        {
            if (a[i] > b[i])
            {
                return false;
            }

            strictlyBetter |= a[i] < b[i];
        }

        return strictlyBetter;
    }

    /// <summary>
    /// Dominance with exact duplicates broken by id: <paramref name="a"/> precedes
    /// <paramref name="b"/> when it dominates it, or has the same values and a lower id. This is a
    /// strict partial order, so of a set of twins only the lowest id can be on a front.
    /// </summary>
    internal static bool Precedes(Minimised a, Minimised b) =>
        Dominates(a.Values, b.Values) || (a.Values.AsSpan().SequenceEqual(b.Values) && a.Point.Id < b.Point.Id);
}
