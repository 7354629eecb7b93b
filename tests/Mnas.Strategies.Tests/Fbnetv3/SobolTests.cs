using Mnas.Strategies.Fbnetv3.Sobol;

namespace Mnas.Strategies.Tests.Fbnetv3;

public sealed class SobolTests
{
    [Fact]
    public void the_first_eight_points_of_three_dimensions_are_the_published_ones()
    {
        double[][] expected =
        [
            [0, 0, 0], [0.5, 0.5, 0.5], [0.75, 0.25, 0.25], [0.25, 0.75, 0.75],
            [0.375, 0.375, 0.625], [0.875, 0.875, 0.125], [0.625, 0.125, 0.875], [0.125, 0.625, 0.375],
        ];
        var sequence = new SobolSequence(3);
        foreach (var point in expected)
        {
            Assert.Equal(point, sequence.Next());
        }

        Assert.Equal(8, sequence.Index);
    }

    // Points 8 to 15 of dimensions 50, 100, 200 and 1000, computed once with SciPy 1.10's scipy.stats.qmc.Sobol(d=1000,
    // scramble=False), which uses the same Joe–Kuo table (new-joe-kuo-6.21201).
    [Theory]
    [InlineData(50, new[] { 0.0625, 0.5625, 0.8125, 0.3125, 0.4375, 0.9375, 0.6875, 0.1875 })]
    [InlineData(100, new[] { 0.9375, 0.4375, 0.1875, 0.6875, 0.0625, 0.5625, 0.8125, 0.3125 })]
    [InlineData(200, new[] { 0.0625, 0.5625, 0.3125, 0.8125, 0.9375, 0.4375, 0.6875, 0.1875 })]
    [InlineData(1000, new[] { 0.9375, 0.4375, 0.1875, 0.6875, 0.8125, 0.3125, 0.0625, 0.5625 })]
    public void higher_dimensions_match_the_reference_implementation(int dimension, double[] expected)
    {
        var sequence = new SobolSequence(1000);
        sequence.Skip(8);
        Assert.Equal(expected, expected.Select(_ => sequence.Next()[dimension - 1]).ToArray());
    }

    // Dimensions 50, 100, 200 and 1000 of points 1000, 65537 and 1000003, from the same SciPy run (fast_forward, then one point).
    [Theory]
    [InlineData(1000L, new[] { 0.4794921875, 0.1865234375, 0.8427734375, 0.2001953125 })]
    [InlineData(65537L, new[] { 0.8400497436523438, 0.48340606689453125, 0.13021087646484375, 0.6405410766601562 })]
    [InlineData(1000003L, new[] { 0.10164546966552734, 0.04960346221923828, 0.9624662399291992, 0.039755821228027344 })]
    public void far_points_match_the_reference_implementation(long index, double[] expected)
    {
        var point = new SobolSequence(1000, index).Next();
        Assert.Equal(expected, new[] { point[49], point[99], point[199], point[999] });
    }

    [Fact]
    public void each_coordinate_of_the_first_power_of_two_points_takes_every_multiple_of_its_inverse_once()
    {
        const int k = 10;
        var sequence = new SobolSequence(SobolSequence.MaxDimensions);
        var points = Enumerable.Range(0, 1 << k).Select(_ => sequence.Next()).ToArray();
        var grid = Enumerable.Range(0, 1 << k).Select(i => (double)i / (1 << k)).ToArray();
        for (var j = 0; j < SobolSequence.MaxDimensions; j++)
        {
            Assert.Equal(grid, points.Select(p => p[j]).Order().ToArray());
        }
    }

    [Fact]
    public void skipping_or_starting_later_gives_the_points_running_on_would()
    {
        var running = new SobolSequence(200);
        var all = Enumerable.Range(0, 300).Select(_ => running.Next()).ToArray();

        var skipping = new SobolSequence(200);
        skipping.Next();
        skipping.Skip(136);
        Assert.Equal(137, skipping.Index);
        var started = new SobolSequence(200, 137);
        for (var i = 137; i < 300; i++)
        {
            Assert.Equal(all[i], skipping.Next());
            Assert.Equal(all[i], started.Next());
        }

        Assert.Equal(300, started.Index);
    }

    [Fact]
    public void more_dimensions_than_the_table_holds_are_refused()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new SobolSequence(SobolSequence.MaxDimensions + 1));
        Assert.Equal("dimensions", error.ParamName);
        Assert.Throws<ArgumentOutOfRangeException>(() => new SobolSequence(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new SobolSequence(2, -1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new SobolSequence(2).Skip(-1));
    }

    [Fact]
    public void the_sequence_ends_after_its_last_point()
    {
        var sequence = new SobolSequence(2, SobolSequence.Length - 1);
        var last = sequence.Next();
        Assert.All(last, x => Assert.InRange(x, 0, 1 - 1.0 / SobolSequence.Length));
        Assert.Throws<InvalidOperationException>(() => sequence.Next());
    }
}
