using Mnas.SearchSpace.Space;
using Mnas.Strategies.Memnas.Ranking;
using Mnas.Strategies.Tests.Support;
using Xunit.Abstractions;

namespace Mnas.Strategies.Tests.Memnas.Ranking;

/// <summary>What each ranker reads when it scores: the controller the base and the candidates before, the absolute predictor each candidate alone.</summary>
public sealed class RankerReadingTests(ITestOutputHelper output)
{
    private static readonly RankingRound Round = SyntheticRounds.Draw(7).HeldOut[0];
    private static readonly Sample OtherBase = SyntheticRounds.Space.Random(new Random(11));

    [Fact]
    public void the_controllers_scores_depend_on_the_base()
    {
        using var controller = Rankers.Create(Rankers.Controller, Rankers.Small);

        Assert.NotEqual(controller.Score(Round.Base, Round.Candidates), controller.Score(OtherBase, Round.Candidates));
    }

    [Fact]
    public void the_controllers_score_of_a_candidate_depends_on_the_candidates_read_before_it_and_not_on_those_after()
    {
        using var controller = Rankers.Create(Rankers.Controller, Rankers.Small);
        var (a, b, c, d) = (Round.Candidates[0], Round.Candidates[1], Round.Candidates[2], Round.Candidates[3]);

        var abc = controller.Score(Round.Base, [a, b, c]);
        var bac = controller.Score(Round.Base, [b, a, c]);
        var abd = controller.Score(Round.Base, [a, b, d]);

        Assert.NotEqual(abc[2], bac[2], 6);
        Assert.NotEqual(abc[0], bac[1], 6);
        Assert.Equal(abc[0], abd[0], 6);
        Assert.Equal(abc[1], abd[1], 6);
    }

    [Fact]
    public void the_absolute_predictor_scores_each_candidate_alone()
    {
        using var predictor = Rankers.Create(Rankers.Absolute, Rankers.Small);
        var scores = predictor.Score(Round.Base, Round.Candidates);

        AssertClose(scores, predictor.Score(OtherBase, Round.Candidates));
        AssertClose(scores.Reverse().ToArray(), predictor.Score(Round.Base, Round.Candidates.Reverse().ToArray()));
        Assert.Equal(scores[3], predictor.Score(OtherBase, [Round.Candidates[3]])[0], 6);
    }

    [Fact]
    public void both_rankers_have_about_as_many_parameters()
    {
        foreach (var hidden in new[] { 8, 16, 32, 100 })
        {
            var options = Rankers.Small with { HiddenUnits = hidden };
            using var controller = new StructureCorrelationController(Spaces.Default, options);
            using var predictor = new AbsolutePredictor(Spaces.Default, options);
            // Encoder 4h(18 + h) + 8h; controller: ranking cell 8h² + 8h and score h + 1; predictor: m² + (h + 3)m + 1 for its layers' width m.
            var encoder = 4L * hidden * (18 + hidden) + 8 * hidden;
            Assert.Equal(encoder + 8L * hidden * hidden + 9 * hidden + 1, controller.ParameterCount);
            output.WriteLine($"hidden units {hidden}: controller {controller.ParameterCount} parameters, absolute predictor {predictor.ParameterCount}");
            Assert.InRange((double)predictor.ParameterCount / controller.ParameterCount, 0.99, 1.01);
        }

        using var controller32 = new StructureCorrelationController(Spaces.Default, Rankers.Small with { HiddenUnits = 32 });
        using var predictor32 = new AbsolutePredictor(Spaces.Default, Rankers.Small with { HiddenUnits = 32 });
        // m = 76: 6,656 in the encoder, then 8,481 against 2,508 + 5,852 + 77 = 8,437.
        Assert.Equal(15_137, controller32.ParameterCount);
        Assert.Equal(15_093, predictor32.ParameterCount);
    }

    [Theory]
    [InlineData(Rankers.Controller)]
    [InlineData(Rankers.Absolute)]
    public void no_candidates_have_no_scores(string kind)
    {
        using var ranker = Rankers.Create(kind, Rankers.Small);

        Assert.Empty(ranker.Score(Round.Base, []));
    }

    [Fact]
    public void an_unmeasured_candidate_is_read_by_the_controller_but_left_out_of_the_loss()
    {
        var (withUnmeasured, without) = RoundsWithAndWithoutAnUnmeasuredFirstCandidate();
        using var controller = Rankers.Create(Rankers.Controller, Rankers.Small);
        using var twin = Rankers.Create(Rankers.Controller, Rankers.Small);
        using var predictor = Rankers.Create(Rankers.Absolute, Rankers.Small);
        using var predictorTwin = Rankers.Create(Rankers.Absolute, Rankers.Small);

        // The controller reads the unmeasured candidate before the others, so their scores and the loss change; the
        // absolute predictor never looks past a candidate, so nothing does.
        Assert.NotEqual(controller.Fit(withUnmeasured), twin.Fit(without), 6);
        Assert.Equal(predictor.Fit(withUnmeasured), predictorTwin.Fit(without), 6);
    }

    [Theory]
    [InlineData(Rankers.Controller)]
    [InlineData(Rankers.Absolute)]
    public void bad_rounds_are_refused_naming_the_field(string kind)
    {
        using var ranker = Rankers.Create(kind, Rankers.Small);
        var candidates = Round.Candidates.Take(3).ToArray();

        var error = Assert.Throws<ArgumentException>(() => ranker.Fit([new RankingRound(Round.Base, candidates, [0.1, 0.2])]));
        Assert.StartsWith("rounds[0].measured: one entry per candidate (3), got 2", error.Message);
        error = Assert.Throws<ArgumentException>(() => ranker.Fit([Round, new RankingRound(Round.Base, candidates, [0.1, double.NaN, null])]));
        Assert.StartsWith("rounds[1].measured[1]: must be a finite number or null (got NaN)", error.Message);
        error = Assert.Throws<ArgumentException>(() => ranker.Fit([new RankingRound(Round.Base, candidates, [null, null, null])]));
        Assert.StartsWith("rounds: no candidate has a measured y", error.Message);
    }

    /// <summary>Equal to six decimals: batches of other sizes may round the last bits of a float differently.</summary>
    private static void AssertClose(IReadOnlyList<double> expected, IReadOnlyList<double> actual)
    {
        Assert.Equal(expected.Count, actual.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            Assert.Equal(expected[i], actual[i], 6);
        }
    }

    private static (RankingRound[] WithUnmeasured, RankingRound[] Without) RoundsWithAndWithoutAnUnmeasuredFirstCandidate()
    {
        var training = SyntheticRounds.Draw(8).Training;
        var first = training[0];
        var extra = training[1].Candidates[0];
        var withUnmeasured = training.Skip(1).Prepend(first with
        {
            Candidates = first.Candidates.Prepend(extra).ToArray(),
            Measured = first.Measured.Prepend(null).ToArray(),
        }).ToArray();
        return (withUnmeasured, training.ToArray());
    }
}
