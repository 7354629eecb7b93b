using Mnas.SearchSpace.Space;
using Mnas.Strategies.Memnas.Ranking;
using Mnas.Strategies.Tests.Support;

namespace Mnas.Strategies.Tests.Memnas.Ranking;

public sealed class RankerStateTests
{
    private static readonly Walk Walk = SyntheticRounds.Draw(4);

    [Theory]
    [InlineData(Rankers.Controller)]
    [InlineData(Rankers.Absolute)]
    public void a_restored_ranker_scores_bit_for_bit_and_fits_on_exactly_as_the_saved_one(string kind)
    {
        using var original = Rankers.Create(kind, Rankers.Small);
        original.Fit(Walk.Training);
        var state = original.SaveState();
        using var restored = Rankers.Create(kind, Rankers.Small, state);

        foreach (var round in Walk.HeldOut)
        {
            Assert.Equal(original.Score(round.Base, round.Candidates), restored.Score(round.Base, round.Candidates));
        }

        // Adam's moments and step count came back too: the next fit moves both alike.
        Assert.Equal(original.Fit(Walk.Training), restored.Fit(Walk.Training));
        var round0 = Walk.HeldOut[0];
        Assert.Equal(original.Score(round0.Base, round0.Candidates), restored.Score(round0.Base, round0.Candidates));
        Assert.Equal(original.SaveState(), restored.SaveState());
    }

    [Theory]
    [InlineData(Rankers.Controller)]
    [InlineData(Rankers.Absolute)]
    public void a_state_saved_before_any_fit_restores_the_seeded_weights(string kind)
    {
        using var original = Rankers.Create(kind, Rankers.Small);
        using var restored = Rankers.Create(kind, Rankers.Small with { Seed = 99 }, original.SaveState());
        var round = Walk.HeldOut[1];
        Assert.Equal(original.Score(round.Base, round.Candidates), restored.Score(round.Base, round.Candidates));
    }

    [Fact]
    public void a_state_of_another_space_is_refused()
    {
        using var ranker = Rankers.Create(Rankers.Controller, Rankers.Small);
        var otherSpace = new ModelSpace(SyntheticRounds.Spec with { Skeleton = SyntheticRounds.Spec.Skeleton with { Blocks = SyntheticRounds.Spec.Skeleton.Blocks.Take(3).ToArray() } });

        var error = Assert.Throws<InvalidDataException>(() => Rankers.Create(Rankers.Controller, Rankers.Small, ranker.SaveState(), otherSpace));
        Assert.Contains("another search space", error.Message);
    }

    [Fact]
    public void a_state_of_other_hidden_units_is_refused_naming_both()
    {
        using var ranker = Rankers.Create(Rankers.Absolute, Rankers.Small);

        var error = Assert.Throws<InvalidDataException>(() => Rankers.Create(Rankers.Absolute, Rankers.Small with { HiddenUnits = 12 }, ranker.SaveState()));
        Assert.Equal("hidden_units: the state has 8, the options 12", error.Message);
    }

    [Fact]
    public void one_kind_of_ranker_refuses_the_others_state()
    {
        using var controller = Rankers.Create(Rankers.Controller, Rankers.Small);

        var error = Assert.Throws<InvalidDataException>(() => Rankers.Create(Rankers.Absolute, Rankers.Small, controller.SaveState()));
        Assert.Contains("'memnas-structure-correlation-controller'", error.Message);
        Assert.Contains("not a 'memnas-absolute-predictor'", error.Message);
    }

    [Fact]
    public void bytes_that_are_no_state_are_refused()
    {
        Assert.Throws<InvalidDataException>(() => Rankers.Create(Rankers.Controller, Rankers.Small, [1, 2, 3]));
    }
}
