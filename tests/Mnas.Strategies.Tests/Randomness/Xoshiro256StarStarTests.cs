using Mnas.Strategies.Randomness;

namespace Mnas.Strategies.Tests.Randomness;

public class Xoshiro256StarStarTests
{
    [Fact]
    public void the_generator_matches_the_reference_sequence_from_state_1_2_3_4()
    {
        // Reference values from the xoshiro256** algorithm evaluated independently (Python, 64-bit masks).
        var rng = Xoshiro256StarStar.FromState([1, 2, 3, 4]);

        Assert.Equal(11520UL, rng.NextUInt64());
        Assert.Equal(0UL, rng.NextUInt64());
        Assert.Equal(1509978240UL, rng.NextUInt64());
        Assert.Equal(1215971899390074240UL, rng.NextUInt64());
    }

    [Fact]
    public void splitmix64_from_seed_0_gives_the_reference_words()
    {
        var mixer = new SplitMix64(0);

        Assert.Equal(0xE220A8397B1DCDAFUL, mixer.Next());
        Assert.Equal(0x6E789E6AA1B965F4UL, mixer.Next());
    }

    [Fact]
    public void a_saved_state_continues_exactly_where_the_generator_stopped()
    {
        var rng = new Xoshiro256StarStar(42);
        for (var i = 0; i < 17; i++)
        {
            rng.NextUInt64();
        }

        var copy = Xoshiro256StarStar.FromState(rng.GetState());

        var expected = Enumerable.Range(0, 100).Select(_ => rng.NextUInt64()).ToArray();
        var actual = Enumerable.Range(0, 100).Select(_ => copy.NextUInt64()).ToArray();
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void next_int_is_in_range_and_close_to_uniform()
    {
        var rng = new Xoshiro256StarStar(7);
        var counts = new int[3];
        for (var i = 0; i < 30_000; i++)
        {
            counts[rng.NextInt(3)]++;
        }

        // Each count is binomial(30000, 1/3): standard deviation ≈ 82, so ±400 is about 5σ.
        Assert.All(counts, c => Assert.InRange(c, 9_600, 10_400));
        Assert.Equal(30_000, counts.Sum());
    }

    [Fact]
    public void next_double_lies_in_the_unit_interval_with_mean_one_half()
    {
        var rng = new Xoshiro256StarStar(3);
        var draws = Enumerable.Range(0, 20_000).Select(_ => rng.NextDouble()).ToArray();

        Assert.All(draws, d => Assert.InRange(d, 0.0, 0.9999999999999999));
        Assert.InRange(draws.Average(), 0.49, 0.51);
    }

    [Fact]
    public void the_all_zero_state_is_refused()
    {
        Assert.Throws<ArgumentException>(() => Xoshiro256StarStar.FromState([0, 0, 0, 0]));
        Assert.Throws<ArgumentException>(() => Xoshiro256StarStar.FromState([1, 2, 3]));
    }
}
