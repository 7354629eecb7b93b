namespace Mnas.Strategies.Randomness;

/// <summary>
/// xoshiro256** (Blackman and Vigna): a small, fast generator whose whole state is four words, so a strategy can
/// save it in a checkpoint and continue bitwise where it left off. Unlike <see cref="System.Random"/>, its
/// sequence is fixed by this code and not by the runtime version.
/// </summary>
public sealed class Xoshiro256StarStar
{
    private ulong s0, s1, s2, s3;

    /// <summary>Seeds the four words from <see cref="SplitMix64"/> over <paramref name="seed"/>.</summary>
    public Xoshiro256StarStar(ulong seed)
    {
        var mixer = new SplitMix64(seed);
        (s0, s1, s2, s3) = (mixer.Next(), mixer.Next(), mixer.Next(), mixer.Next());
    }

    private Xoshiro256StarStar(ulong[] state) => (s0, s1, s2, s3) = (state[0], state[1], state[2], state[3]);

    /// <summary>A generator continuing from a state saved by <see cref="GetState"/>; the all-zero state is refused (it never leaves zero).</summary>
    public static Xoshiro256StarStar FromState(IReadOnlyList<ulong> state)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (state.Count != 4)
        {
            throw new ArgumentException($"a xoshiro256** state has 4 words, got {state.Count}", nameof(state));
        }

        if (state.All(word => word == 0))
        {
            throw new ArgumentException("the all-zero xoshiro256** state is not a valid state", nameof(state));
        }

        return new Xoshiro256StarStar(state.ToArray());
    }

    /// <summary>The four words of the state; <see cref="FromState"/> continues from them.</summary>
    public ulong[] GetState() => [s0, s1, s2, s3];

    public ulong NextUInt64()
    {
        var result = unchecked(RotateLeft(s1 * 5, 7) * 9);
        var t = s1 << 17;
        s2 ^= s0;
        s3 ^= s1;
        s1 ^= s2;
        s0 ^= s3;
        s2 ^= t;
        s3 = RotateLeft(s3, 45);
        return result;
    }

    /// <summary>A uniform double in [0, 1) from the top 53 bits of one word.</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>A uniform integer in [0, <paramref name="count"/>), without modulo bias (Lemire's method).</summary>
    public int NextInt(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        var n = (ulong)count;
        while (true)
        {
            var product = Math.BigMul(NextUInt64(), n, out var low);
            // Reject the few low words that would make some results more likely than others.
            if (low >= (0 - n) % n)
            {
                return (int)product;
            }
        }
    }

    private static ulong RotateLeft(ulong x, int k) => (x << k) | (x >> (64 - k));
}
