using Mnas.SearchSpace.Space;

namespace Mnas.SearchSpace.Tests.Space;

public class ChannelRoundingTests
{
    [Theory]
    [InlineData(24, 24)] // already a multiple of 8
    [InlineData(30, 32)] // nearest multiple
    [InlineData(20, 24)] // halves round up
    [InlineData(12, 16)] // 12 + 4 = 16
    [InlineData(18, 24)] // nearest is 16, below 90% of 18 (16.2), so one more 8
    [InlineData(11, 16)] // nearest is 8, below 9.9
    [InlineData(4, 8)]   // never below the divisor
    [InlineData(100, 104)]
    [InlineData(120, 120)]
    public void channels_round_to_a_multiple_of_8_keeping_90_percent(double value, int expected)
    {
        Assert.Equal(expected, ChannelRounding.MakeDivisible(value));
    }

    [Fact]
    public void another_divisor_follows_the_same_rule()
    {
        Assert.Equal(16, ChannelRounding.MakeDivisible(14, 16));
        Assert.Equal(32, ChannelRounding.MakeDivisible(26, 16)); // 26 → 32 (nearest), ≥ 23.4
        Assert.Equal(48, ChannelRounding.MakeDivisible(40, 16)); // 40 + 8 = 48 → 48
    }
}
