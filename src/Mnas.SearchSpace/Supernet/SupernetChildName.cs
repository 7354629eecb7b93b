using System.Globalization;

namespace Mnas.SearchSpace.Supernet;

/// <summary>
/// The name a child drawn from a supernet goes by (its architecture in the campaign's record): the candidate of every
/// searchable layer joined by '-', then with a channel search '@' and every layer's width multiplier joined by '-', then
/// with a resolution search '/r' and the input sub-sampling factor: <c>k3_e6-skip-k5_e1_g2@1-0.5-0.75/r2</c>.
/// </summary>
public sealed record SupernetChildName(IReadOnlyList<string> Candidates, IReadOnlyList<double>? Widths = null, int? Resolution = null)
{
    public override string ToString() =>
        string.Join("-", Candidates) +
        (Widths is null ? "" : "@" + string.Join("-", Widths.Select(w => w.ToString("R", CultureInfo.InvariantCulture)))) +
        (Resolution is { } r ? ResolutionSuffix(r) : "");

    /// <summary>What a name ends with for a child drawn at input sub-sampling factor <paramref name="factor"/>: <c>/r2</c>.</summary>
    public static string ResolutionSuffix(int factor) => "/r" + factor.ToString(CultureInfo.InvariantCulture);

    /// <summary>Reads a name; one that is not of the form is refused (the parts are checked against a space by its user).</summary>
    public static SupernetChildName Parse(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        var rest = name;
        int? resolution = null;
        var r = rest.LastIndexOf("/r", StringComparison.Ordinal);
        if (r >= 0)
        {
            resolution = int.TryParse(rest[(r + 2)..], NumberStyles.None, CultureInfo.InvariantCulture, out var factor) && factor >= 1
                ? factor
                : throw new ArgumentException($"'{name}': the resolution after '/r' must be a whole number from 1", nameof(name));
            rest = rest[..r];
        }
        IReadOnlyList<double>? widths = null;
        var at = rest.IndexOf('@', StringComparison.Ordinal);
        if (at >= 0)
        {
            widths = rest[(at + 1)..].Split('-').Select(w => double.TryParse(w, NumberStyles.Float, CultureInfo.InvariantCulture, out var m) && m > 0
                ? m
                : throw new ArgumentException($"'{name}': width '{w}' is not a positive multiplier", nameof(name))).ToList();
            rest = rest[..at];
        }
        var candidates = rest.Split('-');
        if (candidates.Any(c => c.Length == 0) || (widths != null && widths.Count != candidates.Length))
        {
            throw new ArgumentException($"'{name}': a candidate per layer (and with widths, a width per layer)", nameof(name));
        }
        return new SupernetChildName(candidates, widths, resolution);
    }
}
