namespace Mnas.Pareto.Export;

/// <summary>RFC 4180 quoting of one CSV field.</summary>
internal static class CsvField
{
    /// <summary>
    /// The field as written: quoted when it holds a comma, a double quote, a line break or
    /// leading or trailing spaces, with each double quote doubled; otherwise as it is.
    /// </summary>
    public static string Quote(string field)
    {
        var needsQuotes = field.AsSpan().IndexOfAny(",\"\r\n") >= 0
            || (field.Length > 0 && (field[0] == ' ' || field[^1] == ' '));
        return needsQuotes ? "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : field;
    }
}
