using System.Globalization;
using System.Text.RegularExpressions;

namespace Mnas.SearchSpace.Serialization;

/// <summary>
/// How a plain (unquoted) YAML scalar is typed, after YAML 1.2's core schema: null, true/false, integers and
/// decimal floats; anything else, and every quoted scalar, is a string.
/// </summary>
internal static partial class YamlScalars
{
    public static bool IsNull(string text) => text is "" or "~" or "null" or "Null" or "NULL";

    public static bool? AsBool(string text) => text switch
    {
        "true" or "True" or "TRUE" => true,
        "false" or "False" or "FALSE" => false,
        _ => null,
    };

    public static bool IsInteger(string text) => IntegerPattern().IsMatch(text);

    public static bool IsFloat(string text) => FloatPattern().IsMatch(text);

    /// <summary>True when a string written plain would be read back as something other than that string.</summary>
    public static bool NeedsQuotes(string text) =>
        IsNull(text) || AsBool(text) is not null || IsInteger(text) || IsFloat(text) ||
        text.StartsWith('.') || text != text.Trim();

    public static double ParseFloat(string text) => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);

    [GeneratedRegex("^[-+]?[0-9]+$")]
    private static partial Regex IntegerPattern();

    [GeneratedRegex(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$")]
    private static partial Regex FloatPattern();
}
