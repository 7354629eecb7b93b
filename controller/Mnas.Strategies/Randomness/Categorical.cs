namespace Mnas.Strategies.Randomness;

/// <summary>Draws an index from a discrete distribution by inverting its cumulative distribution at a given uniform.</summary>
public static class Categorical
{
    /// <summary>
    /// The first index whose cumulative probability exceeds <paramref name="uniform"/>·Σp. The probabilities need not
    /// sum exactly to 1 (softmax read back as floats does not); an index with probability 0 is never chosen.
    /// </summary>
    public static int Invert(ReadOnlySpan<double> probabilities, double uniform)
    {
        if (probabilities.IsEmpty)
        {
            throw new ArgumentException("a categorical distribution needs at least one outcome", nameof(probabilities));
        }

        if (!(uniform >= 0 && uniform < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(uniform), uniform, "the uniform draw must lie in [0, 1)");
        }

        var total = 0.0;
        var last = -1;
        for (var i = 0; i < probabilities.Length; i++)
        {
            var p = probabilities[i];
            if (!(p >= 0) || !double.IsFinite(p))
            {
                throw new ArgumentException($"probability {i} is {p}; probabilities must be finite and not negative", nameof(probabilities));
            }

            total += p;
            if (p > 0)
            {
                last = i;
            }
        }

        if (last < 0)
        {
            throw new ArgumentException("every probability is zero", nameof(probabilities));
        }

        var target = uniform * total;
        var cumulative = 0.0;
        for (var i = 0; i < probabilities.Length; i++)
        {
            cumulative += probabilities[i];
            if (probabilities[i] > 0 && target < cumulative)
            {
                return i;
            }
        }

        return last; // rounding left the target at the very top of the distribution
    }
}
