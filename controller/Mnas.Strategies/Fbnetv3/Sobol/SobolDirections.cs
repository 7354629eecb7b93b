using System.Globalization;

namespace Mnas.Strategies.Fbnetv3.Sobol;

/// <summary>
/// The direction numbers v_{j,k} = m_{j,k} / 2^k of each dimension, held as 32-bit fractions (v · 2^32), built from
/// <see cref="JoeKuoDirectionNumbers"/> by the recurrence of the dimension's primitive polynomial
/// x^s + a_1 x^{s−1} + … + a_{s−1} x + 1: m_k = 2a_1 m_{k−1} ⊕ 4a_2 m_{k−2} ⊕ … ⊕ 2^s m_{k−s} ⊕ m_{k−s}.
/// </summary>
internal static class SobolDirections
{
    /// <summary>Bits of every coordinate: the sequence has 2^32 points.</summary>
    public const int Bits = 32;

    private static readonly Lazy<uint[][]> All = new(Build);

    /// <summary>The first <paramref name="dimensions"/> dimensions' direction numbers, <see cref="Bits"/> per dimension.</summary>
    public static uint[][] For(int dimensions) => All.Value[..dimensions];

    private static uint[][] Build()
    {
        var result = new uint[JoeKuoDirectionNumbers.MaxDimensions][];
        result[0] = new uint[Bits];
        for (var k = 0; k < Bits; k++)
        {
            result[0][k] = 1u << (Bits - 1 - k);
        }

        var lines = JoeKuoDirectionNumbers.Table.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        foreach (var line in lines)
        {
            var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(f => uint.Parse(f, CultureInfo.InvariantCulture)).ToArray();
            var (dimension, degree, coefficients) = ((int)fields[0], (int)fields[1], fields[2]);
            result[dimension - 1] = Directions(degree, coefficients, fields[3..]);
        }

        return result;
    }

    private static uint[] Directions(int degree, uint coefficients, uint[] initial)
    {
        var v = new uint[Bits];
        for (var k = 0; k < Math.Min(degree, Bits); k++)
        {
            v[k] = initial[k] << (Bits - 1 - k);
        }

        for (var k = degree; k < Bits; k++)
        {
            v[k] = v[k - degree] ^ (v[k - degree] >> degree);
            for (var i = 1; i < degree; i++)
            {
                if (((coefficients >> (degree - 1 - i)) & 1) != 0)
                {
                    v[k] ^= v[k - i];
                }
            }
        }

        return v;
    }
}
