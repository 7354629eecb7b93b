using Mnas.Pareto.Objectives;

namespace Mnas.Pareto.Points;

/// <summary>The checks every operation makes on its input points.</summary>
internal static class PointChecks
{
    /// <summary>Each point has one value per objective, and no two points share an id.</summary>
    public static void Validate(IReadOnlyList<ParetoPoint> points, ParetoObjectives objectives)
    {
        ArgumentNullException.ThrowIfNull(points);
        ArgumentNullException.ThrowIfNull(objectives);
        var ids = new HashSet<long>();
        foreach (var point in points)
        {
            ArgumentNullException.ThrowIfNull(point, nameof(points));
            if (point.Values.Count != objectives.Count)
            {
                throw new ArgumentException(
                    $"point {point.Id} has {point.Values.Count} values but the objectives are {objectives} ({objectives.Count})", nameof(points));
            }

            if (!ids.Add(point.Id))
            {
                throw new ArgumentException($"point id {point.Id} appears more than once", nameof(points));
            }
        }
    }

    /// <summary>The reference has one value per objective.</summary>
    public static void Validate(ParetoReference reference, ParetoObjectives objectives)
    {
        ArgumentNullException.ThrowIfNull(reference);
        if (reference.Values.Count != objectives.Count)
        {
            throw new ArgumentException(
                $"the reference has {reference.Values.Count} values but the objectives are {objectives} ({objectives.Count})", nameof(reference));
        }
    }
}
