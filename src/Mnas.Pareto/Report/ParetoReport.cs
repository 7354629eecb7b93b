using System.Globalization;
using Mnas.Campaigns;
using Mnas.Pareto.Export;
using Mnas.Pareto.Front;
using Mnas.Pareto.Indicators;
using Mnas.Pareto.Objectives;
using Mnas.Pareto.Points;

namespace Mnas.Pareto.Report;

/// <summary>
/// A campaign's trade-offs at a glance, for <c>mnas pareto</c> and the demo: the points of its
/// done children, their front, its hypervolume against a reference, and text, CSV and JSON forms.
/// </summary>
public sealed class ParetoReport
{
    private readonly IReadOnlyDictionary<long, ChildMetrics> metrics;

    private ParetoReport(
        ParetoObjectives objectives,
        ParetoReference reference,
        IReadOnlyList<ParetoPoint> points,
        IReadOnlyList<ParetoPoint> front,
        double hypervolume,
        IReadOnlyDictionary<long, ChildMetrics> metrics)
    {
        Objectives = objectives;
        Reference = reference;
        Points = points;
        Front = front;
        Hypervolume = hypervolume;
        this.metrics = metrics;
    }

    public ParetoObjectives Objectives { get; }

    public ParetoReference Reference { get; }

    /// <summary>Every point considered: the done children with finite metrics (<see cref="ParetoPoints.FromChildren"/>).</summary>
    public IReadOnlyList<ParetoPoint> Points { get; }

    /// <summary>The non-dominated points, latency ascending (<see cref="ParetoFront.Of"/>).</summary>
    public IReadOnlyList<ParetoPoint> Front { get; }

    public double Hypervolume { get; }

    public static ParetoReport Create(IEnumerable<Child> children, ParetoObjectives objectives, ParetoReference reference)
    {
        var read = ParetoPoints.WithMetrics(children, objectives);
        var points = read.Select(r => r.Point).ToArray();
        var front = ParetoFront.Of(points, objectives);
        var hypervolume = Indicators.Hypervolume.Of(front, objectives, reference);
        var metrics = read.ToDictionary(r => r.Point.Id, r => r.Metrics);
        return new ParetoReport(objectives, reference, points, front, hypervolume, metrics);
    }

    /// <summary>
    /// One line: the front's size, the number of points, and the hypervolume with its reference,
    /// e.g. <c>front 3 of 5 done children, hypervolume 52 (reference accuracy=0 latency_ms=100)</c>.
    /// </summary>
    public string Summary
    {
        get
        {
            var all = Objectives.All;
            var bounds = string.Join(' ', all.Select((o, i) => $"{o.Name}={Reference[i].ToString(CultureInfo.InvariantCulture)}"));
            var volume = Hypervolume.ToString("G6", CultureInfo.InvariantCulture);
            return $"front {Front.Count} of {Points.Count} done children, hypervolume {volume} (reference {bounds})";
        }
    }

    /// <summary>The front as a terminal table (<see cref="ParetoTable"/>).</summary>
    public string ToTable() => ParetoTable.Format(Front.Select(p => (p.Id, metrics[p.Id])).ToList(), Objectives.IncludesMemory);

    /// <summary>The summary line followed by the table.</summary>
    public string ToText() => Summary + "\n" + ToTable();

    /// <summary>The front as CSV (<see cref="ParetoCsv"/>).</summary>
    public string ToCsv() => ParetoCsv.Write(Front, Objectives);

    /// <summary>The front with its reference and hypervolume as JSON (<see cref="ParetoJson"/>).</summary>
    public string ToJson() => ParetoJson.Write(Front, Objectives, Reference);
}
