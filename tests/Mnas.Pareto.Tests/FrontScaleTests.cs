using Mnas.Pareto.Front;
using Mnas.Pareto.Objectives;
using Mnas.Pareto.Points;

namespace Mnas.Pareto.Tests;

public class FrontScaleTests
{
    /// <summary>
    /// 2,000 points in four layers of 500, shuffled. Layer L, index i (id 500·L + i + 1): accuracy
    /// (500 + i − 100·L)/1000, latency 1 + i + L ms. Within a layer accuracy and latency rise
    /// together (trade-offs); (L+1, i) is 0.1 less accurate and 1 ms slower than (L, i); and no
    /// point of a later layer can beat an earlier one (it would need j ≥ i + 100 and j &lt; i). So
    /// the ranks are exactly the layers.
    /// </summary>
    private static ParetoPoint[] Layers()
    {
        var points = new List<ParetoPoint>();
        for (var layer = 0; layer < 4; layer++)
        {
            for (var i = 0; i < 500; i++)
            {
                points.Add(TestPoints.P(500 * layer + i + 1, (500 + i - 100 * layer) / 1000.0, 1 + i + layer));
            }
        }

        var shuffled = points.ToArray();
        new Random(42).Shuffle(shuffled);
        return shuffled;
    }

    [Fact]
    public void the_front_of_2000_shuffled_points_is_the_first_layer_in_latency_order()
    {
        var points = Layers();
        var front = ParetoFront.Of(points, ParetoObjectives.Default);
        Assert.Equal(Enumerable.Range(1, 500).Select(i => (long)i), TestPoints.Ids(front));
    }

    [Fact]
    public void sorting_2000_shuffled_points_gives_four_ranks_of_500()
    {
        var points = Layers();
        var fronts = NonDominatedSorting.Rank(points, ParetoObjectives.Default);
        Assert.Equal(4, fronts.Count);
        for (var layer = 0; layer < 4; layer++)
        {
            Assert.Equal(Enumerable.Range(500 * layer + 1, 500).Select(i => (long)i), TestPoints.Ids(fronts[layer]));
        }

    }

    [Fact]
    public void a_front_of_2000_trade_offs_keeps_them_all()
    {
        // The worst case for the filter: nothing is dominated (accuracy i/2000 at 1 + i ms).
        var points = Enumerable.Range(0, 2000).Select(i => TestPoints.P(i, i / 2000.0, 1 + i)).Reverse().ToArray();
        var front = ParetoFront.Of(points, ParetoObjectives.Default);
        Assert.Equal(Enumerable.Range(0, 2000).Select(i => (long)i), TestPoints.Ids(front));
    }
}
