namespace Mnas.Strategies.Randomness;

/// <summary>
/// Vigna's SplitMix64: turns one 64-bit seed into a stream of well-mixed words. Used only to seed
/// <see cref="Xoshiro256StarStar"/> (as its authors recommend), so that nearby seeds give unrelated streams.
/// </summary>
public struct SplitMix64(ulong state)
{
    public ulong State { get; private set; } = state;

    public ulong Next()
    {
        State = unchecked(State + 0x9E3779B97F4A7C15UL);
        var z = State;
        z = unchecked((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL);
        z = unchecked((z ^ (z >> 27)) * 0x94D049BB133111EBUL);
        return z ^ (z >> 31);
    }
}
