namespace Mnas.Workers.Supernet;

/// <summary>An architecture of a supernet: a candidate index per position and, with a channel search, a width index per position.</summary>
public sealed record SupernetChoice(IReadOnlyList<int> Candidates, IReadOnlyList<int>? Widths = null)
{
    public string Key => string.Join(",", Candidates) + (Widths is null ? "" : "|" + string.Join(",", Widths));
}
