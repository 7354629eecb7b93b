namespace Mnas.Workers.Supernet;

/// <summary>
/// How far the indicator's ranking of each position's candidates moved between two tables of scores: the share of the
/// pairs of offered candidates the two order differently (the normalised Kendall distance), averaged over the
/// positions that offer at least two. A pair tied in one table and not in the other counts one half, as the Kendall
/// distance between partial rankings does with penalty ½ (neither order is contradicted, but one was lost or made);
/// a pair tied in both counts nothing. Identical rankings are 0 apart, reversed ones without ties 1.
/// </summary>
public static class RankingDistance
{
    /// <param name="offers">Whether position p offers candidate c: only offered candidates are ranked.</param>
    public static double Between(IReadOnlyList<IReadOnlyList<double>> before, IReadOnlyList<IReadOnlyList<double>> after, Func<int, int, bool> offers)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        ArgumentNullException.ThrowIfNull(offers);
        if (before.Count != after.Count || before.Where((row, p) => row.Count != after[p].Count).Any())
        {
            throw new ArgumentException("after: the same positions and candidates as before", nameof(after));
        }
        var distances = new List<double>();
        for (var p = 0; p < before.Count; p++)
        {
            var offered = Enumerable.Range(0, before[p].Count).Where(c => offers(p, c)).ToList();
            if (offered.Count < 2)
            {
                continue;
            }
            double disagreement = 0;
            var pairs = 0;
            for (var i = 0; i < offered.Count; i++)
            {
                for (var j = i + 1; j < offered.Count; j++)
                {
                    var (a, b) = (offered[i], offered[j]);
                    disagreement += Disagreement(Math.Sign(before[p][a] - before[p][b]), Math.Sign(after[p][a] - after[p][b]));
                    pairs++;
                }
            }
            distances.Add(disagreement / pairs);
        }
        return distances.Count == 0 ? 0 : distances.Average();
    }

    private static double Disagreement(int before, int after) =>
        before == after ? 0 : before == 0 || after == 0 ? 0.5 : 1;
}
