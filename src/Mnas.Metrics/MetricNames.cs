using System.Text;

namespace Mnas.Metrics;

/// <summary>Instrument and tag names as the exposition format allows them: dots and other characters become underscores.</summary>
public static class MetricNames
{
    public static string Metric(string instrumentName) => Sanitize(instrumentName, allowColon: true);

    public static string Label(string tagName) => Sanitize(tagName, allowColon: false);

    private static string Sanitize(string name, bool allowColon)
    {
        var text = new StringBuilder(name.Length + 1);
        foreach (var c in name)
        {
            text.Append(char.IsAsciiLetterOrDigit(c) || c == '_' || (allowColon && c == ':') ? c : '_');
        }

        if (text.Length == 0 || char.IsAsciiDigit(text[0]))
        {
            text.Insert(0, '_');
        }

        return text.ToString();
    }
}
