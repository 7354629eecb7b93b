namespace Mnas.Strategies.Statistics;

/// <summary>
/// Kendall's rank correlation τ-b of two paired samples: (concordant − discordant pairs) / √((n₀ − n₁)(n₀ − n₂)), where
/// n₀ = n(n − 1)/2 and n₁, n₂ count the pairs tied in the first and in the second sample. A pair tied in either counts
/// as neither concordant nor discordant. NaN where either sample is constant (or has fewer than two values).
/// </summary>
public static class KendallTau
{
    public static double TauB(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        if (x.Count != y.Count)
        {
            throw new ArgumentException($"y: as many values as x ({x.Count}), not {y.Count}", nameof(y));
        }
        long concordant = 0, discordant = 0, tiedX = 0, tiedY = 0, pairs = 0;
        for (var i = 0; i < x.Count; i++)
        {
            for (var j = i + 1; j < x.Count; j++)
            {
                pairs++;
                var dx = Math.Sign(x[i] - x[j]);
                var dy = Math.Sign(y[i] - y[j]);
                tiedX += dx == 0 ? 1 : 0;
                tiedY += dy == 0 ? 1 : 0;
                if (dx * dy > 0)
                {
                    concordant++;
                }
                else if (dx * dy < 0)
                {
                    discordant++;
                }
            }
        }
        var denominator = Math.Sqrt((double)(pairs - tiedX) * (pairs - tiedY));
        return denominator == 0 ? double.NaN : (concordant - discordant) / denominator;
    }
}
