namespace Mnas.Workers.Supernet;

/// <summary>
/// An architecture of a supernet: a candidate index per position, with a channel search a width index per position, and
/// with a resolution search the index of its input resolution among the factors.
/// </summary>
public sealed record SupernetChoice(IReadOnlyList<int> Candidates, IReadOnlyList<int>? Widths = null, int? Resolution = null)
{
    public string Key => string.Join(",", Candidates) + (Widths is null ? "" : "|" + string.Join(",", Widths)) +
        (Resolution is { } r ? "/" + r.ToString(System.Globalization.CultureInfo.InvariantCulture) : "");
}
