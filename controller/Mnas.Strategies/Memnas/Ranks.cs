namespace Mnas.Strategies.Memnas;

/// <summary>1-based ranks by descending value, ties in the order given (rank 1 is the highest, first).</summary>
internal static class Ranks
{
    /// <summary>The positions of <paramref name="values"/> from the highest value down, ties in order.</summary>
    public static IReadOnlyList<int> Order(IReadOnlyList<double> values) =>
        Enumerable.Range(0, values.Count).OrderByDescending(i => values[i]).ToList();

    /// <summary>Each value's rank; a null value has none and takes no rank from the others.</summary>
    public static IReadOnlyList<int?> Of(IReadOnlyList<double?> values)
    {
        var ranks = new int?[values.Count];
        var ranked = Enumerable.Range(0, values.Count).Where(i => values[i] is not null).OrderByDescending(i => values[i]!.Value).ToList();
        for (var r = 0; r < ranked.Count; r++)
        {
            ranks[ranked[r]] = r + 1;
        }
        return ranks;
    }
}
