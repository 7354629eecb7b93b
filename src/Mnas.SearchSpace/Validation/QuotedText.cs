using System.Text;

namespace Mnas.SearchSpace.Validation;

/// <summary>A value as an error message quotes it: in single quotes, control characters and lone surrogates escaped
/// (<c>\u000a</c>), and at most 60 characters of it, so that no message carries a hostile value whole.</summary>
public static class QuotedText
{
    private const int Longest = 60;

    public static string Of(string? value)
    {
        if (value is null)
        {
            return "null";
        }

        var shown = new StringBuilder();
        foreach (var c in value.Length > Longest ? value[..(Longest - 3)] : value)
        {
            if (char.IsControl(c) || char.IsSurrogate(c))
            {
                shown.Append(@"\u").Append(((int)c).ToString("x4", System.Globalization.CultureInfo.InvariantCulture));
            }
            else
            {
                shown.Append(c);
            }
        }

        return $"'{shown}{(value.Length > Longest ? "…" : "")}'";
    }
}
