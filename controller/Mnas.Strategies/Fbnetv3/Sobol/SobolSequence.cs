using System.Numerics;

namespace Mnas.Strategies.Fbnetv3.Sobol;

/// <summary>
/// Sobol's low-discrepancy sequence in [0, 1)^d, unscrambled, with S. Joe and F. Y. Kuo's direction numbers
/// (new-joe-kuo-6.21201; "Constructing Sobol sequences with better two-dimensional projections", SIAM J. Sci. Comput. 30
/// (2008) 2635–2654) for up to <see cref="MaxDimensions"/> dimensions. Points come in Antonov and Saleev's Gray-code order,
/// one XOR per coordinate each: point n is the XOR of the direction numbers of the bits set in n ⊕ (n ≫ 1). The first
/// point is all zeros, as in the published sequence; each 1-D projection of the first 2^k points is {i / 2^k}. The
/// sequence holds 2^32 points; <see cref="Index"/> is all its state, so a search resumes by starting at a saved index.
/// </summary>
public sealed class SobolSequence
{
    /// <summary>The most dimensions the direction numbers cover.</summary>
    public const int MaxDimensions = JoeKuoDirectionNumbers.MaxDimensions;

    /// <summary>How many points the sequence has (every coordinate has 32 bits).</summary>
    public const long Length = 1L << SobolDirections.Bits;

    private const double Scale = 1.0 / Length;

    private readonly uint[][] directions;
    private readonly uint[] current;

    /// <summary>A sequence of <paramref name="dimensions"/> coordinates whose next point is point <paramref name="startIndex"/> (0: the first).</summary>
    public SobolSequence(int dimensions, long startIndex = 0)
    {
        if (dimensions is < 1 or > MaxDimensions)
        {
            throw new ArgumentOutOfRangeException(nameof(dimensions), dimensions,
                $"dimensions: must be in [1, {MaxDimensions}] (the direction numbers' table has {MaxDimensions})");
        }

        Dimensions = dimensions;
        directions = SobolDirections.For(dimensions);
        current = new uint[dimensions];
        Seek(startIndex, nameof(startIndex));
    }

    public int Dimensions { get; }

    /// <summary>The index of the point <see cref="Next"/> returns next (how many points have been taken or skipped).</summary>
    public long Index { get; private set; }

    /// <summary>Point <see cref="Index"/>, after which <see cref="Index"/> moves on by one.</summary>
    public double[] Next()
    {
        if (Index >= Length)
        {
            throw new InvalidOperationException($"the sequence's {Length} points are all taken");
        }

        var point = new double[Dimensions];
        for (var j = 0; j < point.Length; j++)
        {
            point[j] = current[j] * Scale;
        }

        Index++;
        if (Index < Length)
        {
            // Gray code: point n differs from point n − 1 by the direction number of n's lowest set bit.
            var bit = BitOperations.TrailingZeroCount(Index);
            for (var j = 0; j < current.Length; j++)
            {
                current[j] ^= directions[j][bit];
            }
        }

        return point;
    }

    /// <summary>Passes over <paramref name="count"/> points without computing them one by one.</summary>
    public void Skip(long count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        Seek(Index + Math.Min(count, Length), nameof(count));
    }

    private void Seek(long index, string parameter)
    {
        if (index is < 0 or > Length)
        {
            throw new ArgumentOutOfRangeException(parameter, index, $"{parameter}: the sequence has {Length} points, from index 0");
        }

        Index = index;
        var gray = (ulong)(index ^ (index >> 1));
        for (var j = 0; j < current.Length; j++)
        {
            uint x = 0;
            for (var bit = 0; bit < SobolDirections.Bits; bit++)
            {
                if (((gray >> bit) & 1) != 0)
                {
                    x ^= directions[j][bit];
                }
            }

            current[j] = x;
        }
    }
}
