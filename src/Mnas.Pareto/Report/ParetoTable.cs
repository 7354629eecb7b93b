using System.Globalization;
using Mnas.Campaigns;

namespace Mnas.Pareto.Report;

/// <summary>A fixed-width text table of children for terminals.</summary>
public static class ParetoTable
{
    /// <summary>
    /// A header and one line per row, in the order given: id, accuracy in percent, latency in
    /// milliseconds and parameters in millions, two decimals each, and peak activation memory in
    /// MiB when <paramref name="withMemory"/>. Columns are right-aligned, two spaces apart; every
    /// line ends with <c>\n</c>. With no rows the header is followed by <c>(no points)</c>.
    /// </summary>
    public static string Format(IReadOnlyList<(long Id, ChildMetrics Metrics)> rows, bool withMemory = false)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var header = new List<string> { "id", "accuracy %", "latency ms", "params M" };
        if (withMemory)
        {
            header.Add("peak MiB");
        }

        var lines = rows.Select(row => Cells(row.Id, row.Metrics, withMemory)).ToList();
        var widths = header.Select((h, i) => lines.Select(l => l[i].Length).Append(h.Length).Max()).ToArray();
        var text = new System.Text.StringBuilder();
        foreach (var cells in lines.Prepend(header))
        {
            text.Append(string.Join("  ", cells.Select((c, i) => c.PadLeft(widths[i])))).Append('\n');
        }

        if (lines.Count == 0)
        {
            text.Append("(no points)\n");
        }

        return text.ToString();
    }

    private static List<string> Cells(long id, ChildMetrics metrics, bool withMemory)
    {
        var cells = new List<string>
        {
            id.ToString(CultureInfo.InvariantCulture),
            Fixed(metrics.Accuracy * 100),
            Fixed(metrics.LatencyMs),
            Fixed(metrics.Params / 1e6),
        };
        if (withMemory)
        {
            cells.Add(Fixed(metrics.PeakActivationBytes / 1048576.0));
        }

        return cells;
    }

    private static string Fixed(double value) => value.ToString("F2", CultureInfo.InvariantCulture);
}
