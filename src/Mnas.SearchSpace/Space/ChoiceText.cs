using System.Globalization;

namespace Mnas.SearchSpace.Space;

/// <summary>How choices are displayed in decisions and canonical sample strings; the same whatever the culture.</summary>
internal static class ChoiceText
{
    public static string Kernel(int kernel) => kernel.ToString(CultureInfo.InvariantCulture);

    /// <summary>Shortest round-trip form, always with a decimal point: 0 → "0.0", 0.25 → "0.25", 1 → "1.0".</summary>
    public static string Number(double value)
    {
        var text = value.ToString("R", CultureInfo.InvariantCulture);
        return text.Contains('.') || text.Contains('E') || !double.IsFinite(value) ? text : text + ".0";
    }

    /// <summary>Signed: -1 → "-1", 0 → "0", 1 → "+1".</summary>
    public static string LayerDelta(int delta) => delta > 0 ? "+" + delta.ToString(CultureInfo.InvariantCulture) : delta.ToString(CultureInfo.InvariantCulture);
}
