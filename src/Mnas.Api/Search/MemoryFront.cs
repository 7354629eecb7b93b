using Mnas.Campaigns;
using Mnas.Costs.Memory;
using Mnas.Grains;

namespace Mnas.Api.Search;

/// <summary>
/// The Pareto front of a campaign's done children over accuracy (maximised) × total memory (minimised): the parameter
/// bytes plus the peak activation bytes of each child's target view (<see cref="MemoryFootprint"/>), MemNAS's objective.
/// Of children equal in both, only the lowest sequence is on the front, so the front never lists a trade-off twice.
/// </summary>
public static class MemoryFront
{
    /// <summary>
    /// Every done child with an accuracy, in sequence order, each marked whether it is on the front. A child whose
    /// architecture the campaign's space cannot read (recorded by another version) has no memory to place, and is left out.
    /// </summary>
    public static IReadOnlyList<MemoryPointItem> Points(IReadOnlyList<Child> children, CampaignArchitectures architectures)
    {
        ArgumentNullException.ThrowIfNull(children);
        ArgumentNullException.ThrowIfNull(architectures);
        var placed = new List<(Child Child, MemoryFootprint Memory)>();
        foreach (var child in children.Where(c => c is { Status: ChildStatus.Done, Metrics: not null }).OrderBy(c => c.Sequence))
        {
            if (Footprint(child.Architecture, architectures) is { } memory)
            {
                placed.Add((child, memory));
            }
        }

        return placed
            .Select(p => new MemoryPointItem(p.Child.Sequence, p.Child.Architecture, p.Child.Metrics!.Accuracy, p.Memory.ParamBytes,
                p.Memory.PeakActivationBytes, p.Memory.TotalBytes, !placed.Any(other => Beats(other, p))))
            .ToList();
    }

    // Dominates, or equals and comes first.
    private static bool Beats((Child Child, MemoryFootprint Memory) other, (Child Child, MemoryFootprint Memory) point)
    {
        var accuracy = other.Child.Metrics!.Accuracy.CompareTo(point.Child.Metrics!.Accuracy);
        var memory = point.Memory.TotalBytes.CompareTo(other.Memory.TotalBytes);
        if (accuracy < 0 || memory < 0)
        {
            return false;
        }

        return accuracy > 0 || memory > 0 || other.Child.Sequence < point.Child.Sequence;
    }

    private static MemoryFootprint? Footprint(string architecture, CampaignArchitectures architectures)
    {
        try
        {
            return MemoryFootprint.Of(architectures.Target(architecture));
        }
        catch (Exception e) when (e is ArgumentException or FormatException)
        {
            return null;
        }
    }
}
