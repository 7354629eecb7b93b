using System.Globalization;
using System.Text;
using Mnas.Pareto.Objectives;
using Mnas.Pareto.Points;

namespace Mnas.Pareto.Export;

/// <summary>Points as CSV.</summary>
public static class ParetoCsv
{
    /// <summary>
    /// A header of <c>id</c>, each objective's name in order, and <c>architecture</c> when any
    /// point has one (empty for those that do not); then one line per point in the order given.
    /// Numbers in the invariant culture, shortest round-trip form; fields holding commas, quotes
    /// or line breaks quoted as RFC 4180 says; lines end with <c>\n</c>.
    /// </summary>
    public static string Write(IReadOnlyList<ParetoPoint> points, ParetoObjectives objectives)
    {
        PointChecks.Validate(points, objectives);
        var withArchitecture = points.Any(p => p.Architecture is not null);
        var text = new StringBuilder();
        var header = new List<string> { "id" };
        header.AddRange(objectives.All.Select(o => o.Name));
        if (withArchitecture)
        {
            header.Add("architecture");
        }

        AppendLine(text, header);
        foreach (var point in points)
        {
            var fields = new List<string> { point.Id.ToString(CultureInfo.InvariantCulture) };
            fields.AddRange(point.Values.Select(v => v.ToString(CultureInfo.InvariantCulture)));
            if (withArchitecture)
            {
                fields.Add(point.Architecture ?? "");
            }

            AppendLine(text, fields);
        }

        return text.ToString();
    }

    private static void AppendLine(StringBuilder text, IEnumerable<string> fields) =>
        text.Append(string.Join(',', fields.Select(CsvField.Quote))).Append('\n');
}
