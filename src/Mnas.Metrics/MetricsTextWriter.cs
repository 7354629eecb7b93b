using System.Globalization;
using System.Text;

namespace Mnas.Metrics;

/// <summary>
/// Writes metric families in the text exposition format, version 0.0.4: for each family a <c># HELP</c> and a
/// <c># TYPE</c> line, then one line per sample, <c>name{label="value",…} value</c>.
/// </summary>
public static class MetricsTextWriter
{
    public const string ContentType = "text/plain; version=0.0.4; charset=utf-8";

    public static string Write(IEnumerable<MetricFamily> families)
    {
        var text = new StringBuilder();
        foreach (var family in families)
        {
            text.Append("# HELP ").Append(family.Name).Append(' ').Append(EscapeHelp(family.Help)).Append('\n');
            text.Append("# TYPE ").Append(family.Name).Append(' ').Append(family.Type).Append('\n');
            foreach (var sample in family.Samples)
            {
                text.Append(sample.Name);
                if (sample.Labels.Count > 0)
                {
                    text.Append('{')
                        .AppendJoin(',', sample.Labels.Select(l => $"{l.Key}=\"{EscapeLabelValue(l.Value)}\""))
                        .Append('}');
                }

                text.Append(' ').Append(Number(sample.Value)).Append('\n');
            }
        }

        return text.ToString();
    }

    /// <summary>A value as the format spells it: <c>NaN</c>, <c>+Inf</c>, <c>-Inf</c>, or the shortest round-trip decimal.</summary>
    public static string Number(double value) => value switch
    {
        double.PositiveInfinity => "+Inf",
        double.NegativeInfinity => "-Inf",
        _ when double.IsNaN(value) => "NaN",
        _ => value.ToString("R", CultureInfo.InvariantCulture),
    };

    public static string EscapeLabelValue(string value) =>
        value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);

    private static string EscapeHelp(string help) =>
        help.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);
}
