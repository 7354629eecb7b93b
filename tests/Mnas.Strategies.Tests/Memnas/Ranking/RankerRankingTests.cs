using Xunit.Abstractions;

namespace Mnas.Strategies.Tests.Memnas.Ranking;

/// <summary>
/// How well the rankers learn the synthetic task. The thresholds come from measurement: over 12 walks × 2 weight seeds
/// with <see cref="RankingMeasurements.Options"/>, the controller's held-out τ after 150 epochs averaged 0.755 (0.43 to
/// 0.92 per run), the absolute predictor's 0.555 (0.09 to 0.86; it cannot see that y is relative to the base and overfits
/// the bases' offsets as it trains on), and an untrained ranker's about 0 (−0.03 and 0.04, within ±0.41 per run).
/// </summary>
public sealed class RankerRankingTests(RankingMeasurements measured, ITestOutputHelper output) : IClassFixture<RankingMeasurements>
{
    [Fact]
    public void the_controller_fitted_on_eight_rounds_ranks_the_next_four_rounds_candidates()
    {
        output.WriteLine($"structure-correlation controller, held-out tau per walk: {measured.Controller}");
        Assert.True(measured.Controller.MeanTrained >= 0.6, $"mean held-out tau {measured.Controller.MeanTrained:F3} is below 0.6");
    }

    [Fact]
    public void the_absolute_predictor_fitted_on_eight_rounds_ranks_the_next_four_rounds_candidates()
    {
        output.WriteLine($"absolute predictor, held-out tau per walk: {measured.Absolute}");
        Assert.True(measured.Absolute.MeanTrained >= 0.4, $"mean held-out tau {measured.Absolute.MeanTrained:F3} is below 0.4");
    }

    [Fact]
    public void an_untrained_ranker_ranks_the_same_rounds_far_worse()
    {
        foreach (var (name, taus) in new[] { ("controller", measured.Controller), ("absolute predictor", measured.Absolute) })
        {
            output.WriteLine($"{name}: {taus}");
            Assert.True(taus.MeanUntrained <= 0.3, $"{name}: untrained mean tau {taus.MeanUntrained:F3} is above 0.3");
            Assert.True(taus.MeanTrained - taus.MeanUntrained >= 0.3,
                $"{name}: fitting gains only {taus.MeanTrained - taus.MeanUntrained:F3} in mean tau");
        }
    }

    [Fact]
    public void the_controller_which_reads_the_base_ranks_better_than_the_absolute_predictor_which_cannot()
    {
        output.WriteLine($"mean held-out tau: controller {measured.Controller.MeanTrained:F3}, absolute predictor {measured.Absolute.MeanTrained:F3}");
        Assert.True(measured.Controller.MeanTrained >= measured.Absolute.MeanTrained + 0.1,
            $"the controller's {measured.Controller.MeanTrained:F3} is not 0.1 above the absolute predictor's {measured.Absolute.MeanTrained:F3}");
    }
}
