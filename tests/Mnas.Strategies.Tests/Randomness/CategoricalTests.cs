using Mnas.Strategies.Randomness;

namespace Mnas.Strategies.Tests.Randomness;

public class CategoricalTests
{
    [Theory]
    [InlineData(0.0, 0)]
    [InlineData(0.1999, 0)]
    [InlineData(0.2, 1)]
    [InlineData(0.6999, 1)]
    [InlineData(0.7, 2)]
    [InlineData(0.9999, 2)]
    public void a_uniform_draw_picks_the_first_index_whose_cumulative_probability_exceeds_it(double uniform, int expected)
    {
        Assert.Equal(expected, Categorical.Invert([0.2, 0.5, 0.3], uniform));
    }

    [Fact]
    public void probabilities_that_do_not_sum_to_one_are_scaled_by_their_total()
    {
        // Total 10: u = 0.5 → target 5, cumulative 2, 8 → index 1; u = 0.85 → target 8.5 → index 2.
        Assert.Equal(1, Categorical.Invert([2, 6, 2], 0.5));
        Assert.Equal(2, Categorical.Invert([2, 6, 2], 0.85));
    }

    [Fact]
    public void an_outcome_with_probability_zero_is_never_chosen()
    {
        Assert.Equal(1, Categorical.Invert([0, 1, 0], 0.0));
        Assert.Equal(1, Categorical.Invert([0, 1, 0], 0.9999999));
    }

    [Fact]
    public void negative_or_all_zero_probabilities_are_refused()
    {
        Assert.Throws<ArgumentException>(() => Categorical.Invert([0.5, -0.1], 0.3));
        Assert.Throws<ArgumentException>(() => Categorical.Invert([0.0, 0.0], 0.3));
        Assert.Throws<ArgumentOutOfRangeException>(() => Categorical.Invert([1.0], 1.0));
    }
}
